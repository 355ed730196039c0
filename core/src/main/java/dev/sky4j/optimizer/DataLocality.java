package dev.sky4j.optimizer;

import dev.sky4j.catalog.EgressPrices;
import java.util.List;

/**
 * The buckets a task reads and where they are, as the server found them ({@code
 * GetBucketLocation}, object sizes): core never asks a cloud itself.
 */
public record DataLocality(List<Bucket> buckets) {
  /** One bucket: its URL for messages, the cloud and region it lives in, its size in bytes. */
  public record Bucket(String url, String cloud, String region, long bytes) {}

  public static final DataLocality NONE = new DataLocality(List.of());

  public DataLocality {
    buckets = List.copyOf(buckets);
  }

  public boolean isEmpty() {
    return buckets.isEmpty();
  }

  /** What reading every bucket once from {@code p}'s region costs, in USD (0 when all are local). */
  public double egressUsd(LaunchPlan p, EgressPrices prices) {
    double sum = 0;
    for (Bucket b : buckets) {
      double perGb = prices.perGb(b.cloud(), b.region(), p.cloud(), p.region());
      if (perGb > 0) {
        sum += perGb * b.bytes() / 1e9;
      }
    }
    return sum;
  }

  /** The buckets {@code p} would read from another region. */
  public List<Bucket> remoteFrom(LaunchPlan p) {
    return buckets.stream().filter(b -> !(b.cloud().equalsIgnoreCase(p.cloud())
        && b.region().equalsIgnoreCase(p.region()))).toList();
  }
}
