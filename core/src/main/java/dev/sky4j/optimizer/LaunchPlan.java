package dev.sky4j.optimizer;

import dev.sky4j.spec.AcceleratorRequest;
import dev.sky4j.spec.Resources;

/**
 * One way to run the task: an instance type in a region (and zone, where the plan is pinned to
 * one), on-demand or spot, with its price per node per hour. {@code zone} is null where a region
 * is priced as a whole (on-demand AWS/Azure): the provisioner then picks the zone. {@code source}
 * is the candidate from the task that produced it.
 */
public record LaunchPlan(
    String cloud,
    String region,
    String zone,
    String instanceType,
    boolean spot,
    String acceleratorName,
    double acceleratorCount,
    double vcpus,
    double memoryGib,
    double pricePerNode,
    int numNodes,
    Integer interruptionBand,
    Resources source) {

  /** What all nodes together cost per hour. */
  public double totalPerHour() {
    return pricePerNode * numNodes;
  }

  /** {@code aws/us-east-1}, {@code gcp/us-central1/us-central1-a}: the {@code infra:} syntax. */
  public String infra() {
    return cloud + "/" + region + (zone == null ? "" : "/" + zone);
  }

  /** {@code H100:8}, or null for a CPU-only plan. */
  public String accelerators() {
    return acceleratorName == null ? null
        : acceleratorName + ":" + AcceleratorRequest.formatCount(acceleratorCount);
  }
}
