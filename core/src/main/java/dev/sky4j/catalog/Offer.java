package dev.sky4j.catalog;

/**
 * One row of the catalog: an instance type in a region (and zone, where the catalog has zones)
 * with its shape and prices in USD per hour. {@code spotPrice} is NaN when no spot offer is known;
 * {@code interruptionBand} (AWS) is 0 (&lt;5%) .. 4 (&gt;20% per month) or null when unknown.
 * Accelerator fields are null/0 on CPU-only rows. GCP GPU rows are already combined with their
 * host VM here, so {@code price} is always what the node costs.
 */
public record Offer(
    String cloud,
    String instanceType,
    String acceleratorName,
    double acceleratorCount,
    double vcpus,
    double memoryGib,
    double gpuMemoryGib,
    double price,
    double spotPrice,
    String region,
    String zone,
    Integer interruptionBand) {

  public boolean hasAccelerator() {
    return acceleratorName != null;
  }

  public boolean hasSpot() {
    return !Double.isNaN(spotPrice);
  }

  /** The hourly price for on-demand or spot; NaN when spot is asked and there is no spot offer. */
  public double price(boolean spot) {
    return spot ? spotPrice : price;
  }
}
