package dev.sky4j.jobs;

/**
 * A managed job's life, as SkyPilot's {@code ManagedJobStatus} spells it (reference §4.2).
 * PENDING is also the state during a backoff between failed launches.
 */
public enum ManagedJobStatus {
  PENDING,
  STARTING,
  RUNNING,
  RECOVERING,
  CANCELLING,
  SUCCEEDED,
  CANCELLED,
  FAILED,
  FAILED_SETUP,
  FAILED_PRECHECKS,
  FAILED_NO_RESOURCE,
  FAILED_CONTROLLER;

  public boolean terminal() {
    return ordinal() >= SUCCEEDED.ordinal();
  }

  public boolean failure() {
    return ordinal() >= FAILED.ordinal();
  }
}
