package dev.sky4j.provision;

import java.util.Map;

/**
 * What to run: {@code numNodes} nodes of {@code instanceType} in one region/zone ({@code zone}
 * null = any zone of the region), spot or not. {@code acceleratorName}/{@code acceleratorCount}
 * describe the per-node accelerators (null/0 for CPU-only) so a provider can place GPUs.
 */
public record ProvisionRequest(
    String cluster,
    String region,
    String zone,
    String instanceType,
    int numNodes,
    boolean spot,
    String acceleratorName,
    double acceleratorCount,
    Map<String, String> labels) {
  public ProvisionRequest {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
