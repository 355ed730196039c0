package dev.sky4j.state;

/** SkyPilot's cluster statuses: INIT (launching, or partly up), UP, STOPPED. */
public enum ClusterStatus {
  INIT,
  UP,
  STOPPED
}
