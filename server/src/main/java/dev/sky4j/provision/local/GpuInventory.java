package dev.sky4j.provision.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host's GPUs for the local cloud: the real ones from {@code nvidia-smi} when it answers,
 * otherwise the configured simulated list (for example {@code H100:4}).
 */
public final class GpuInventory {
  private GpuInventory() {}

  public static List<Gpu> detect(String simulatedSpec) {
    List<Gpu> real = queryNvidiaSmi();
    return real.isEmpty() ? simulated(simulatedSpec) : real;
  }

  static List<Gpu> queryNvidiaSmi() {
    try {
      Process p = new ProcessBuilder("nvidia-smi",
          "--query-gpu=index,name,memory.total,uuid", "--format=csv,noheader")
          .redirectErrorStream(true).start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return List.of();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.exitValue() == 0 ? NvidiaSmiParser.parse(out) : List.of();
    } catch (IOException e) {
      return List.of(); // no nvidia-smi on this host
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** {@code NAME:COUNT[,NAME:COUNT...]}; memory per simulated GPU is a nominal 80 GiB. */
  public static List<Gpu> simulated(String spec) {
    List<Gpu> out = new ArrayList<>();
    if (spec == null || spec.isBlank()) {
      return out;
    }
    for (String part : spec.split(",")) {
      String[] nc = part.trim().split(":");
      int count = nc.length > 1 ? Integer.parseInt(nc[1].trim()) : 1;
      for (int i = 0; i < count; i++) {
        out.add(new Gpu(out.size(), nc[0].trim(), 81920, null, true));
      }
    }
    return out;
  }
}
