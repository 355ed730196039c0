package dev.sky4j.spec;

import java.util.List;
import java.util.Map;

/**
 * One concrete resource candidate, as the optimizer consumes it: at most one accelerator choice,
 * and {@code infra} already split into cloud/region/zone. A task's {@code any_of}, {@code ordered}
 * and accelerator sets/lists are expanded into several of these in {@link ResourceChoices}.
 * Null fields mean "not asked for".
 */
public record Resources(
    String cloud,
    String region,
    String zone,
    AcceleratorRequest accelerator,
    Amount cpus,
    Amount memory,
    String instanceType,
    boolean useSpot,
    JobRecovery jobRecovery,
    Integer diskSizeGb,
    String diskTier,
    String networkTier,
    List<String> ports,
    Map<String, String> labels,
    Object imageId,
    Autostop autostop,
    Integer priority,
    Double maxHourlyCost) {

  public Resources {
    ports = ports == null ? List.of() : List.copyOf(ports);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Nothing asked for: the optimizer picks SkyPilot's default CPU instance. */
  public static Resources any() {
    return new Resources(null, null, null, null, null, null, null, false, null, null, null, null,
        null, null, null, null, null, null);
  }

  public Resources withAccelerator(AcceleratorRequest a) {
    return new Resources(cloud, region, zone, a, cpus, memory, instanceType, useSpot, jobRecovery,
        diskSizeGb, diskTier, networkTier, ports, labels, imageId, autostop, priority, maxHourlyCost);
  }

  public Resources withUseSpot(boolean spot) {
    return new Resources(cloud, region, zone, accelerator, cpus, memory, instanceType, spot,
        jobRecovery, diskSizeGb, diskTier, networkTier, ports, labels, imageId, autostop, priority,
        maxHourlyCost);
  }

  public Resources withPlacement(String cloud, String region, String zone) {
    return new Resources(cloud, region, zone, accelerator, cpus, memory, instanceType, useSpot,
        jobRecovery, diskSizeGb, diskTier, networkTier, ports, labels, imageId, autostop, priority,
        maxHourlyCost);
  }
}
