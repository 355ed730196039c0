package dev.sky4j.state;

import java.util.List;

/**
 * A bucket sky4j knows: its store ({@code s3}), region, whether it outlives the clusters that
 * mount it, whether sky4j created it (only those are ever deleted), and the clusters using it.
 */
public record StorageRecord(String name, String store, String region, boolean persistent,
    boolean created, long createdAt, List<String> clusters) {
  public StorageRecord {
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
  }
}
