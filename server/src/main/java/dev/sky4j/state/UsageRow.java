package dev.sky4j.state;

/** One stretch of time a cluster was UP, at the price it had then. */
public record UsageRow(String cluster, String resources, int numNodes, double pricePerHour,
    long startedAt, Long endedAt) {
  public double hours(long now) {
    return ((endedAt == null ? now : endedAt) - startedAt) / 3_600_000.0;
  }
}
