package dev.sky4j.provision;

import java.util.List;
import java.util.Map;

/**
 * What to run: {@code numNodes} nodes of {@code instanceType} in one region/zone ({@code zone}
 * null = any zone of the region), spot or not. {@code acceleratorName}/{@code acceleratorCount}
 * describe the per-node accelerators (null/0 for CPU-only) so a provider can place GPUs. The
 * rest is what the task's {@code resources} ask of the machine itself ({@code disk_size} in GB,
 * {@code disk_tier}, {@code ports}, {@code image_id}: a string or a region map; null = not asked
 * for), and {@code shutdownTerminates}: autostop with {@code --down}, so a node that powers
 * itself off should be deleted rather than stopped. A provider that cannot honour one of these
 * refuses it ({@link Provider#checkSupported}).
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
    Map<String, String> labels,
    Integer diskSizeGb,
    String diskTier,
    List<String> ports,
    Object imageId,
    boolean shutdownTerminates) {
  public ProvisionRequest {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  /** A request that asks nothing of disks, ports or images. */
  public ProvisionRequest(String cluster, String region, String zone, String instanceType,
      int numNodes, boolean spot, String acceleratorName, double acceleratorCount,
      Map<String, String> labels) {
    this(cluster, region, zone, instanceType, numNodes, spot, acceleratorName, acceleratorCount,
        labels, null, null, List.of(), null, false);
  }
}
