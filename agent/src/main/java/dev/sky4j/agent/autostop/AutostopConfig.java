package dev.sky4j.agent.autostop;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The autostop setting as the head agent stores it. The user's unit is minutes; the agent keeps
 * seconds so tests (and automation) can use short idle times. {@code waitFor} is SkyPilot's
 * {@code JOBS_AND_SSH} (default), {@code JOBS} or {@code NONE}. {@code setAtMillis} is when it
 * was set: setting it resets the idle timer, as in SkyPilot.
 */
public record AutostopConfig(long idleSeconds, boolean down, String waitFor, long setAtMillis) {
  public static final String JOBS_AND_SSH = "JOBS_AND_SSH";
  public static final String JOBS = "JOBS";
  public static final String NONE = "NONE";

  public AutostopConfig {
    waitFor = normalize(waitFor);
  }

  /** Upper-cases and checks {@code wait_for}; null means the default. */
  static String normalize(String waitFor) {
    if (waitFor == null || waitFor.isBlank()) {
      return JOBS_AND_SSH;
    }
    String w = waitFor.trim().toUpperCase(Locale.ROOT);
    if (!w.equals(JOBS_AND_SSH) && !w.equals(JOBS) && !w.equals(NONE)) {
      throw new IllegalArgumentException("waitFor '" + waitFor + "' is not one of jobs_and_ssh, jobs, none");
    }
    return w;
  }

  /**
   * Reads a request or the stored file: {@code idleSeconds}, or {@code idleMinutes} (either may be
   * fractional); a negative value cancels autostop (returns null).
   */
  public static AutostopConfig fromJson(Map<String, Object> m, long now) {
    Object s = m.get("idleSeconds");
    Object min = m.get("idleMinutes");
    double seconds;
    if (s instanceof Number n) {
      seconds = n.doubleValue();
    } else if (min instanceof Number n) {
      seconds = n.doubleValue() * 60;
    } else {
      throw new IllegalArgumentException("say how long to wait: idleSeconds or idleMinutes "
          + "(a negative value cancels autostop)");
    }
    if (seconds < 0) {
      return null;
    }
    long setAt = m.get("setAtMillis") instanceof Number n ? n.longValue() : now;
    return new AutostopConfig(Math.round(seconds), Boolean.TRUE.equals(m.get("down")),
        (String) m.get("waitFor"), setAt);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("idleSeconds", idleSeconds);
    m.put("down", down);
    m.put("waitFor", waitFor);
    m.put("setAtMillis", setAtMillis);
    return m;
  }
}
