package dev.sky4j.spec;

/** What keeps an autostopping cluster awake (SkyPilot's {@code autostop.wait_for}). */
public enum WaitFor {
  /** Live jobs and any SSH activity (shell, exec, port forward, SFTP). The default. */
  JOBS_AND_SSH,
  /** Only live jobs. */
  JOBS,
  /** Nothing: a hard deadline counted from the last reset. */
  NONE
}
