package dev.sky4j.spec;

/**
 * Autostop settings from {@code resources.autostop} or {@code sky autostop}. {@code idleMinutes <
 * 0} means cancelled; {@code down} tears the cluster down instead of stopping it.
 */
public record Autostop(boolean enabled, int idleMinutes, boolean down, WaitFor waitFor) {
  public static final Autostop DISABLED = new Autostop(false, -1, false, WaitFor.JOBS_AND_SSH);
}
