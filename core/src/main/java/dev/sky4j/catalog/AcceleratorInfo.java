package dev.sky4j.catalog;

import java.util.List;

/**
 * One accelerator the catalog knows: its canonical name ({@code A100-80GB}), memory per device in
 * GiB (NaN for TPUs), vendor, the counts offered anywhere (fractional ones included) and the
 * clouds that offer it, both ascending.
 */
public record AcceleratorInfo(
    String name, double memoryGib, String vendor, List<Double> counts, List<String> clouds) {
  public AcceleratorInfo {
    counts = List.copyOf(counts);
    clouds = List.copyOf(clouds);
  }

  public boolean isTpu() {
    return name.toLowerCase(java.util.Locale.ROOT).startsWith("tpu-");
  }
}
