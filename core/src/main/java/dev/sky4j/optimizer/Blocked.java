package dev.sky4j.optimizer;

/**
 * A placement that failed and must not be tried again in this launch. A null field is a wildcard:
 * {@code Blocked.cloud("aws")} blocks all of AWS, {@code new Blocked("gcp", "us-central1", null,
 * "a2-highgpu-8g")} one instance type in one region. Names compare ignoring case.
 */
public record Blocked(String cloud, String region, String zone, String instanceType) {

  public static Blocked cloud(String cloud) {
    return new Blocked(cloud, null, null, null);
  }

  /** The plan's region for its instance type (what a capacity error in a region blocks). */
  public static Blocked region(LaunchPlan p) {
    return new Blocked(p.cloud(), p.region(), null, p.instanceType());
  }

  /** Exactly where the plan would have run. */
  public static Blocked placement(LaunchPlan p) {
    return new Blocked(p.cloud(), p.region(), p.zone(), p.instanceType());
  }

  public boolean matches(LaunchPlan p) {
    return same(cloud, p.cloud()) && same(region, p.region()) && same(zone, p.zone())
        && same(instanceType, p.instanceType());
  }

  private static boolean same(String blocked, String actual) {
    return blocked == null || blocked.equalsIgnoreCase(actual);
  }
}
