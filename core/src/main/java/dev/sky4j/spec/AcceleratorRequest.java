package dev.sky4j.spec;

/**
 * One accelerator choice: a canonical catalog name and a count ({@code H100:8}, fractional counts
 * allowed), or a memory form ({@code 80GB+}, {@code nvidia:80GB:2}) in which case {@code name} is
 * null and the catalog expands it to every device with that much memory.
 */
public record AcceleratorRequest(
    String name, double count, Double memoryGib, boolean memoryOrMore, String vendor) {

  public static AcceleratorRequest of(String name, double count) {
    return new AcceleratorRequest(name, count, null, false, null);
  }

  public boolean isMemoryForm() {
    return name == null;
  }

  /** {@code H100:8}, {@code A10:0.5}, {@code 80GB+:2}. */
  @Override
  public String toString() {
    String head = isMemoryForm()
        ? (vendor == null ? "" : vendor + ":") + formatCount(memoryGib) + "GB" + (memoryOrMore ? "+" : "")
        : name;
    return head + ":" + formatCount(count);
  }

  public static String formatCount(double c) {
    return c == Math.rint(c) ? Long.toString((long) c) : Double.toString(c);
  }
}
