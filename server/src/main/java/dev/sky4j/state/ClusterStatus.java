package dev.sky4j.state;

/**
 * SkyPilot's cluster statuses: INIT (launching, or partly up), UP, AUTOSTOPPING (the head is
 * running its stop/down hooks and stopping the nodes on its own), STOPPED.
 */
public enum ClusterStatus {
  INIT,
  UP,
  STOPPED,
  AUTOSTOPPING;

  /** Whether the nodes run (and cost money): UP, or still up while autostopping. */
  public boolean running() {
    return this == UP || this == AUTOSTOPPING;
  }
}
