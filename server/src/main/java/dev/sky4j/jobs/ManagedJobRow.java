package dev.sky4j.jobs;

/**
 * One managed job as stored. {@code task} is the redacted task input (JSON; secret values live
 * only in the job's 0600 secrets file). {@code clusterJobId} is the job on the current cluster
 * (null between launches); {@code lostRegion} ({@code cloud/region}) is what the running recovery
 * fled from; {@code launchAttempts} counts launches since the last time the job ran.
 */
public record ManagedJobRow(
    long id,
    String name,
    ManagedJobStatus status,
    RecoveryStrategy strategy,
    String task,
    String resources,
    String taskId,
    String cluster,
    Integer clusterJobId,
    String cloud,
    String region,
    String zone,
    int recoveries,
    int restarts,
    int launchAttempts,
    String lostRegion,
    boolean cancelRequested,
    long logOffset,
    String owner,
    long submittedAt,
    Long startedAt,
    Long endedAt,
    String message) {

  public String infra() {
    return cloud == null ? null : cloud + "/" + region + (zone == null ? "" : "/" + zone);
  }

  ManagedJobRow withStatus(ManagedJobStatus s, String why) {
    long now = System.currentTimeMillis();
    Long started = startedAt == null && s == ManagedJobStatus.RUNNING ? Long.valueOf(now) : startedAt;
    Long ended = s.terminal() ? Long.valueOf(now) : endedAt;
    return new ManagedJobRow(id, name, s, strategy, task, resources, taskId, cluster, clusterJobId,
        cloud, region, zone, recoveries, restarts, launchAttempts, lostRegion, cancelRequested,
        logOffset, owner, submittedAt, started, ended, why);
  }

  ManagedJobRow withLaunched(Integer jobId, String cl, String rg, String zn) {
    return new ManagedJobRow(id, name, status, strategy, task, resources, taskId, cluster, jobId,
        cl, rg, zn, recoveries, restarts, launchAttempts, lostRegion, cancelRequested, 0, owner,
        submittedAt, startedAt, endedAt, message);
  }

  ManagedJobRow withCounters(int recov, int rest, int attempts, String lost) {
    return new ManagedJobRow(id, name, status, strategy, task, resources, taskId, cluster,
        clusterJobId, cloud, region, zone, recov, rest, attempts, lost, cancelRequested, logOffset,
        owner, submittedAt, startedAt, endedAt, message);
  }

  ManagedJobRow withCancelRequested() {
    return new ManagedJobRow(id, name, status, strategy, task, resources, taskId, cluster,
        clusterJobId, cloud, region, zone, recoveries, restarts, launchAttempts, lostRegion, true,
        logOffset, owner, submittedAt, startedAt, endedAt, message);
  }

  ManagedJobRow withLogOffset(long offset) {
    return new ManagedJobRow(id, name, status, strategy, task, resources, taskId, cluster,
        clusterJobId, cloud, region, zone, recoveries, restarts, launchAttempts, lostRegion,
        cancelRequested, offset, owner, submittedAt, startedAt, endedAt, message);
  }
}
