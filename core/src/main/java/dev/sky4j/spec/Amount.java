package dev.sky4j.spec;

/**
 * A cpus/memory request: {@code 8} means exactly 8, {@code 8+} at least 8, and for memory {@code
 * 4x} means 4 GiB per vCPU. Memory amounts are in GiB.
 */
public record Amount(double value, boolean orMore, boolean perCpu) {
  public static Amount exactly(double value) {
    return new Amount(value, false, false);
  }

  public static Amount atLeast(double value) {
    return new Amount(value, true, false);
  }

  /** Whether an offer with {@code offered} units (and {@code vcpus} for per-CPU memory) fits. */
  public boolean accepts(double offered, double vcpus) {
    double wanted = perCpu ? value * vcpus : value;
    return orMore || perCpu ? offered + 1e-9 >= wanted : Math.abs(offered - wanted) < 1e-6;
  }
}
