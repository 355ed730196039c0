package dev.sky4j.jobs;

/**
 * The controllers' timing, scaled for the local cloud by default (SkyPilot's values, meant for
 * real VMs, in brackets): poll every {@code pollMillis} [15 s]; an agent that does not answer for
 * {@code unreachableMillis} counts as lost [60 s]; a failed launch waits {@code retryGapMillis}
 * growing by {@link Backoff} [60 s]; a failed user job is rechecked after {@code graceMillis} [5 s]
 * in case a preemption caused it; a recovery gives up after {@code maxRecoveryRetries} launches
 * [240]. Each can be set as a system property {@code sky4j.jobs.<name>} (e.g.
 * {@code -Dsky4j.jobs.poll-ms=15000}) or environment variable {@code SKY4J_JOBS_<NAME>}.
 */
public record JobsConfig(
    long pollMillis,
    long unreachableMillis,
    long retryGapMillis,
    long graceMillis,
    int maxRecoveryRetries,
    int pinnedAttempts,
    int launchThreads) {

  public static JobsConfig fromEnvironment() {
    return new JobsConfig(
        get("poll-ms", 1000), get("unreachable-ms", 10_000), get("retry-gap-ms", 1000),
        get("grace-ms", 500), (int) get("max-recovery-retries", 240), (int) get("pinned-attempts", 3),
        (int) get("launch-threads", 4));
  }

  /** Quick timings for tests on the local cloud. */
  public static JobsConfig fast() {
    return new JobsConfig(300, 5000, 300, 200, 240, 3, 4);
  }

  public JobsConfig withMaxRecoveryRetries(int n) {
    return new JobsConfig(pollMillis, unreachableMillis, retryGapMillis, graceMillis, n,
        pinnedAttempts, launchThreads);
  }

  public JobsConfig withPollMillis(long ms) {
    return new JobsConfig(ms, unreachableMillis, retryGapMillis, graceMillis, maxRecoveryRetries,
        pinnedAttempts, launchThreads);
  }

  private static long get(String name, long dflt) {
    String v = System.getProperty("sky4j.jobs." + name);
    if (v == null || v.isBlank()) {
      v = System.getenv("SKY4J_JOBS_" + name.toUpperCase().replace('-', '_'));
    }
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sky4j.jobs." + name + "=" + v + " is not a number; fix "
          + "or unset it (default " + dflt + ")", e);
    }
  }
}
