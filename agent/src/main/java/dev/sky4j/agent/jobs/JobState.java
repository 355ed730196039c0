package dev.sky4j.agent.jobs;

/** A cluster job's life, as SkyPilot's job table spells it. */
public enum JobState {
  INIT,
  PENDING,
  SETTING_UP,
  RUNNING,
  SUCCEEDED,
  FAILED,
  FAILED_SETUP,
  CANCELLED;

  public boolean terminal() {
    return this == SUCCEEDED || this == FAILED || this == FAILED_SETUP || this == CANCELLED;
  }
}
