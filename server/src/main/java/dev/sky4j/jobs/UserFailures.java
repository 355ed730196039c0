package dev.sky4j.jobs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do when the user's code failed. After a short grace (a preemption can make a job fail
 * before its node shows as gone) the exit code decides: in {@code recover_on_exit_codes}, recover
 * without counting; else restart while the count stays within {@code max_restarts_on_errors};
 * else the job ends FAILED (or FAILED_SETUP).
 */
final class UserFailures {
  private static final Pattern EXIT_CODE = Pattern.compile("exit code (-?\\d+)");

  private final JobController c;
  /** When the current failure was first seen, 0 if none. */
  private long failureSeenAt;

  UserFailures(JobController c) {
    this.c = c;
  }

  /** A fresh cluster job: no failure seen yet. */
  void reset() {
    failureSeenAt = 0;
  }

  void failed(String state, String message) {
    long now = System.currentTimeMillis();
    if (failureSeenAt == 0) {
      failureSeenAt = now;
      c.schedule(c.watch::poll, c.svc.config().graceMillis(), false);
      return;
    }
    ManagedJobRow r = c.row();
    Integer code = exitCode(message);
    var recovery = c.svc.recovery(r);
    String what = ("FAILED_SETUP".equals(state) ? "setup" : "the job") + " failed ("
        + message + ")";
    if (code != null && recovery.recoverOnExitCodes().contains(code)) {
      c.schedule(new RestartStep(c, what + "; exit code " + code + " is in recover_on_exit_codes", false), 0, true);
    } else if (r.restarts() < recovery.maxRestartsOnErrors()) {
      c.schedule(new RestartStep(c, what + "; restart " + (r.restarts() + 1) + " of "
          + recovery.maxRestartsOnErrors() + " (max_restarts_on_errors)", true), 0, true);
    } else {
      ManagedJobStatus end = "FAILED_SETUP".equals(state) ? ManagedJobStatus.FAILED_SETUP
          : ManagedJobStatus.FAILED;
      c.schedule(new FinishStep(c, end, what + (recovery.maxRestartsOnErrors() > 0 ? " after "
          + r.restarts() + " restart(s)" : "") + "; see sky jobs logs " + r.id()
          + " and sky jobs logs --controller " + r.id()), 0, true);
    }
  }

  static Integer exitCode(String message) {
    Matcher m = EXIT_CODE.matcher(message == null ? "" : message);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
