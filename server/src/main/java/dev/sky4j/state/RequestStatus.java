package dev.sky4j.state;

/** A long operation's lifecycle, as SkyPilot's API server names it. */
public enum RequestStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean finished() {
    return this != PENDING && this != RUNNING;
  }
}
