package dev.sky4j.catalog;

/**
 * One row of the catalog: an instance type in a region (and zone, where the catalog has zones)
 * with its shape and prices in USD per hour. {@code spotPrice} is NaN when no spot offer is known;
 * {@code interruptionBand} (AWS) is 0 (&lt;5%) .. 4 (&gt;20% per month) or null when unknown.
 * Accelerator fields are null/0 on CPU-only rows. GCP GPU rows are already combined with their
 * host VM here, so {@code price} is always what the node costs. {@code price} is NaN on a row
 * that only says where a type is offered ({@link Offerings}): it validates and is ranked last.
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

  /** Whether the on-demand price is known; rows without one show as "price unknown". */
  public boolean hasPrice() {
    return !Double.isNaN(price);
  }

  public boolean hasSpot() {
    return !Double.isNaN(spotPrice);
  }

  /** The hourly price for on-demand or spot; NaN when spot is asked and there is no spot offer. */
  public double price(boolean spot) {
    return spot ? spotPrice : price;
  }
}
