package dev.sky4j.provision.local;

/**
 * One GPU the local cloud can hand out: a real device ({@code nvidia-smi} index and UUID) or a
 * simulated one, which is labelled as such everywhere it is shown.
 */
public record Gpu(int index, String name, long memoryMib, String uuid, boolean simulated) {
  /** {@code H100 (simulated)} or {@code H200}: how status and show-gpus print it. */
  public String label() {
    return simulated ? name + " (simulated)" : name;
  }
}
