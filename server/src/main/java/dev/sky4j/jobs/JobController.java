package dev.sky4j.jobs;

import dev.sky4j.client.dto.LaunchResult;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.client.dto.TaskOverrides;
import dev.sky4j.provision.NodeState;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.Redactor;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.requests.RequestLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One managed job's controller: a state machine whose steps run on the shared scheduler (polls)
 * and the shared launch pool (launch, teardown). It holds no thread between steps; exactly one
 * step is scheduled or running at a time. Every state change is persisted with its reason before
 * the next step is scheduled, so {@link #resume} can pick the job up after a server restart.
 */
final class JobController {
  private static final Pattern EXIT_CODE = Pattern.compile("exit code (-?\\d+)");

  private final ManagedJobs svc;
  private final Object lock = new Object();
  private volatile ManagedJobRow row;
  private volatile boolean cancel;
  private ScheduledFuture<?> next;
  /** The launch in progress and its thread (guarded by lock), so a cancel can abort it. */
  private RequestContext launching;
  private Thread launcher;
  private boolean busy;
  private boolean stopped;
  private long unreachableSince;
  private long failureSeenAt;
  /** When the last preemption was noticed (for the recovery-time figure), 0 if none. */
  private volatile long preemptedAtNanos;
  private volatile long recoveredInNanos = -1;

  JobController(ManagedJobs svc, ManagedJobRow row) {
    this.svc = svc;
    this.row = row;
    this.cancel = row.cancelRequested();
  }

  ManagedJobRow row() {
    return row;
  }

  /** Nanoseconds from the last noticed preemption to RUNNING again; -1 until that happened. */
  long lastRecoveryNanos() {
    return recoveredInNanos;
  }

  // ---- scheduling ------------------------------------------------------------------------

  /** Picks a job up from its persisted state (a new job is PENDING with nothing launched). */
  void resume() {
    ManagedJobRow r = row;
    if (cancel || r.status() == ManagedJobStatus.CANCELLING) {
      schedule(new CancelStep(), 0, true);
    } else if (r.clusterJobId() != null) {
      log("Watching cluster job " + r.clusterJobId() + " on " + r.cluster() + " (" + r.infra() + ")");
      schedule(this::pollStep, 0, false);
    } else {
      schedule(this::launchStep, 0, true);
    }
  }

  void requestCancel() {
    cancel = true;
    synchronized (lock) {
      if (!busy && next != null && !stopped) {
        next.cancel(false);
        next = null;
        schedule(new CancelStep(), 0, true);
      } else if (launching != null) {
        // a launch takes minutes on a real cloud: stop it at its next stage boundary or failover
        // attempt, and cut short whatever it waits on (SSH, a retry pause)
        launching.cancel();
        launcher.interrupt();
      }
      // any other running step sees the flag when it schedules its successor
    }
  }

  /** Stops scheduling without writing anything, as a killed server would. */
  void stop() {
    synchronized (lock) {
      stopped = true;
      if (next != null) {
        next.cancel(true);
      }
    }
  }

  private void schedule(Runnable step, long delayMs, boolean heavy) {
    Runnable s = cancel && !(step instanceof CancelStep) ? new CancelStep() : step;
    boolean h = heavy || s != step;
    synchronized (lock) {
      if (stopped) {
        return;
      }
      // the scheduler is only a timer: polls and launches run in their own small pools, so a
      // slow step never delays another job's timer, and launches never starve polls
      Runnable guarded = () -> run(s, !h);
      next = svc.scheduler().schedule(() -> (h ? svc.workers() : svc.pollers()).execute(guarded), delayMs,
          java.util.concurrent.TimeUnit.MILLISECONDS);
    }
  }

  private void run(Runnable step, boolean poll) {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      busy = true;
      next = null;
    }
    // a poll whose node dies mid-answer can wait forever on the tunnel: after the unreachable
    // window, drop the cluster's connections so the read fails and the next poll sees the loss
    ScheduledFuture<?> watchdog = poll ? svc.scheduler().schedule(
        () -> svc.driver().forget(row.cluster()), svc.config().unreachableMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS) : null;
    try {
      step.run();
    } catch (RuntimeException | Error e) {
      if (!stopped) {
        controllerFailed(e);
      }
    } finally {
      if (watchdog != null) {
        watchdog.cancel(false);
      }
      synchronized (lock) {
        busy = false;
      }
    }
  }

  // ---- steps -----------------------------------------------------------------------------

  private void launchStep() {
    ManagedJobRow r = row;
    boolean recovering = r.recoveries() + r.restarts() > 0;
    int attempt = r.launchAttempts() + 1;
    RecoveryStrategy.Placement where = svc.placement(r, attempt);
    String wanted = where.pinInfra() != null ? "in " + where.pinInfra()
        : where.blocked().isEmpty() ? "anywhere" : "outside " + r.lostRegion();
    r = r.withCounters(r.recoveries(), r.restarts(), attempt, r.lostRegion())
        .withStatus(recovering ? ManagedJobStatus.RECOVERING : ManagedJobStatus.STARTING,
            (recovering ? "relaunching" : "launching") + " " + r.cluster() + " " + wanted
                + " (attempt " + attempt + ")");
    transition(r, r.status() != row.status());
    String impossible = svc.precheck(r);
    if (impossible != null) {
      finish(ManagedJobStatus.FAILED_PRECHECKS, impossible);
      return;
    }
    teardownQuietly("leftover from an earlier attempt");
    TaskInput in;
    try {
      in = svc.input(r);
    } catch (IOException | RuntimeException e) {
      finish(ManagedJobStatus.FAILED_PRECHECKS, "cannot prepare the task: " + e.getMessage());
      return;
    }
    if (where.pinInfra() != null) {
      TaskOverrides o = in.overrides();
      in = new TaskInput(in.yaml(), in.yamlPath(), in.baseDir(), in.command(), new TaskOverrides(
          o.name(), o.workdir(), o.numNodes(), o.gpus(), o.cpus(), o.memory(), o.diskSize(),
          where.pinInfra(), o.useSpot(), o.instanceType()), in.envs(), in.secrets());
    }
    LaunchResult res;
    try (RequestLog log = new RequestLog(svc.files().controllerLog(r.id()),
        new Redactor(in.secrets().values()))) {
      RequestContext ctx = new RequestContext("managed-job-" + r.id(), log);
      synchronized (lock) {
        if (cancel) {
          ctx.cancel();
        }
        launching = ctx;
        launcher = Thread.currentThread();
      }
      try {
        ctx.checkCancelled();
        res = svc.driver().launch(in, r.cluster(), r.owner(), where.blocked(), r.taskId(), ctx);
      } finally {
        synchronized (lock) {
          launching = null;
          launcher = null;
        }
        Thread.interrupted(); // a cancel's interrupt must not hit the teardown or the next step
      }
    } catch (ApiError e) {
      if (!stopped && !launchAborted(e)) {
        launchFailed(e.problem().status() >= 400 && e.problem().status() < 500
            && e.problem().status() != 409, e.getMessage());
      }
      return;
    } catch (Exception e) {
      if (!stopped && !launchAborted(e)) {
        launchFailed(false, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      return;
    }
    r = row.withLaunched(res.jobId(), res.cloud(), res.region(), res.zone())
        .withCounters(row.recoveries(), row.restarts(), 0, null);
    appendJobLog("=== " + (recovering ? "recovery attempt " : "attempt ") + "on "
        + r.infra() + " (cluster " + r.cluster() + ", cluster job " + res.jobId() + ") ===\n");
    unreachableSince = 0;
    failureSeenAt = 0;
    row = r;
    if (cancel) {
      schedule(new CancelStep(), 0, true);
      return;
    }
    markRunning("running on " + r.infra() + " as cluster job " + res.jobId());
    schedule(this::pollStep, svc.config().pollMillis(), false);
  }

  /**
   * After a launch threw: when the user cancelled meanwhile, whatever the launch threw is the
   * abort (an interrupted wait, a cancelled stage), not a failure to retry; go to CancelStep.
   */
  private boolean launchAborted(Exception e) {
    if (!cancel) {
      return false;
    }
    log("Launch of " + row.cluster() + " aborted by the cancel (" + e.getMessage() + ")");
    schedule(new CancelStep(), 0, true);
    return true;
  }

  private void launchFailed(boolean precheck, String why) {
    teardownQuietly("failed launch");
    ManagedJobRow r = row;
    if (precheck) {
      finish(ManagedJobStatus.FAILED_PRECHECKS, why);
      return;
    }
    boolean recovering = r.recoveries() + r.restarts() > 0;
    if (recovering && r.launchAttempts() >= svc.config().maxRecoveryRetries()) {
      finish(ManagedJobStatus.FAILED_NO_RESOURCE, "Resources unavailable: failed to launch "
          + "clusters after " + r.launchAttempts() + " retries. Last error: " + why);
      return;
    }
    long gap = Backoff.gapMillis(svc.config().retryGapMillis(), r.launchAttempts());
    transition(r.withStatus(ManagedJobStatus.PENDING, "launch attempt " + r.launchAttempts()
        + " failed: " + why + "; retrying in " + (gap / 100) / 10.0 + " s"), true);
    schedule(this::launchStep, gap, true);
  }

  private void pollStep() {
    ManagedJobRow r = row;
    Map<String, NodeState> nodes;
    try {
      nodes = svc.driver().nodes(r.cloud(), r.cluster());
    } catch (RuntimeException e) {
      nodes = Map.of();
    }
    String lost = lostNode(nodes);
    if (lost != null) {
      preempted(lost);
      return;
    }
    Map<String, Object> job;
    try {
      job = svc.driver().job(r.cluster(), r.clusterJobId());
      unreachableSince = 0;
    } catch (IOException | RuntimeException e) {
      long now = System.currentTimeMillis();
      unreachableSince = unreachableSince == 0 ? now : unreachableSince;
      if (now - unreachableSince >= svc.config().unreachableMillis()) {
        preempted("the job's agent has not answered for " + (now - unreachableSince) / 1000
            + " s (" + e.getMessage() + ")");
      } else {
        schedule(this::pollStep, svc.config().pollMillis(), false);
      }
      return;
    }
    copyLog();
    String state = String.valueOf(job.get("state"));
    switch (state) {
      case "SUCCEEDED" -> schedule(new Finish(ManagedJobStatus.SUCCEEDED, "the job succeeded"), 0, true);
      case "CANCELLED" -> schedule(new Finish(ManagedJobStatus.CANCELLED,
          "the cluster job was cancelled on " + r.cluster()), 0, true);
      case "FAILED", "FAILED_SETUP" -> userFailure(state, String.valueOf(job.get("message")));
      default -> {
        if (r.status() != ManagedJobStatus.RUNNING) {
          markRunning("running on " + r.infra());
        }
        schedule(this::pollStep, svc.config().pollMillis(), false);
      }
    }
  }

  /** A node not RUNNING means the cluster lost it (preemption, or killed outside sky4j). */
  private static String lostNode(Map<String, NodeState> nodes) {
    if (nodes.isEmpty()) {
      return "the cluster's nodes are gone";
    }
    for (Map.Entry<String, NodeState> e : nodes.entrySet()) {
      if (e.getValue() != NodeState.RUNNING) {
        return "node " + e.getKey() + " is " + e.getValue();
      }
    }
    return null;
  }

  /**
   * The user's code failed. After a short grace (a preemption can make a job fail before its
   * node shows as gone) the exit code decides: in {@code recover_on_exit_codes}, recover without
   * counting; else restart while the count stays within {@code max_restarts_on_errors}.
   */
  private void userFailure(String state, String message) {
    long now = System.currentTimeMillis();
    if (failureSeenAt == 0) {
      failureSeenAt = now;
      schedule(this::pollStep, svc.config().graceMillis(), false);
      return;
    }
    ManagedJobRow r = row;
    Integer code = exitCode(message);
    var recovery = svc.recovery(r);
    String what = ("FAILED_SETUP".equals(state) ? "setup" : "the job") + " failed ("
        + message + ")";
    if (code != null && recovery.recoverOnExitCodes().contains(code)) {
      schedule(new Restart(what + "; exit code " + code + " is in recover_on_exit_codes", false), 0, true);
    } else if (r.restarts() < recovery.maxRestartsOnErrors()) {
      schedule(new Restart(what + "; restart " + (r.restarts() + 1) + " of "
          + recovery.maxRestartsOnErrors() + " (max_restarts_on_errors)", true), 0, true);
    } else {
      ManagedJobStatus end = "FAILED_SETUP".equals(state) ? ManagedJobStatus.FAILED_SETUP
          : ManagedJobStatus.FAILED;
      schedule(new Finish(end, what + (recovery.maxRestartsOnErrors() > 0 ? " after "
          + r.restarts() + " restart(s)" : "") + "; see sky jobs logs " + r.id()
          + " and sky jobs logs --controller " + r.id()), 0, true);
    }
  }

  static Integer exitCode(String message) {
    Matcher m = EXIT_CODE.matcher(message == null ? "" : message);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private void preempted(String why) {
    preemptedAtNanos = System.nanoTime();
    ManagedJobRow r = row;
    log("Preemption detected: " + why);
    r = r.withLaunched(null, r.cloud(), r.region(), r.zone())
        .withCounters(r.recoveries() + 1, r.restarts(), 0, r.cloud() + "/" + r.region())
        .withStatus(ManagedJobStatus.RECOVERING, "preempted on " + r.infra() + ": " + why
            + "; recovering with " + r.strategy());
    transition(r, true);
    schedule(this::launchStep, 0, true);
  }

  /** Restarts the job on a fresh cluster after a user failure (same placement rules as a first launch). */
  private final class Restart implements Runnable {
    private final String why;
    private final boolean counts;

    Restart(String why, boolean counts) {
      this.why = why;
      this.counts = counts;
    }

    @Override
    public void run() {
      copyLog();
      ManagedJobRow r = row;
      r = r.withLaunched(null, r.cloud(), r.region(), r.zone())
          .withCounters(r.recoveries() + (counts ? 0 : 1), r.restarts() + (counts ? 1 : 0), 0, null)
          .withStatus(ManagedJobStatus.RECOVERING, why);
      transition(r, true);
      launchStep();
    }
  }

  /** Ends the job: keeps the log, tears the cluster down, records the final state. */
  private final class Finish implements Runnable {
    private final ManagedJobStatus status;
    private final String why;

    Finish(ManagedJobStatus status, String why) {
      this.status = status;
      this.why = why;
    }

    @Override
    public void run() {
      copyLog();
      finish(status, why);
    }
  }

  /** CANCELLING: stop the cluster job, keep its log, tear the cluster down, CANCELLED. */
  private final class CancelStep implements Runnable {
    @Override
    public void run() {
      ManagedJobRow r = row;
      if (r.status().terminal()) {
        return;
      }
      transition(r.withStatus(ManagedJobStatus.CANCELLING, "cancel requested"), true);
      if (r.clusterJobId() != null) {
        try {
          svc.driver().cancelJob(r.cluster(), r.clusterJobId());
        } catch (IOException | RuntimeException e) {
          log("Could not cancel cluster job " + r.clusterJobId() + " (" + e.getMessage()
              + "); tearing the cluster down anyway");
        }
        copyLog();
      }
      finish(ManagedJobStatus.CANCELLED, "cancelled by the user");
    }
  }

  // ---- helpers ---------------------------------------------------------------------------

  private void finish(ManagedJobStatus status, String why) {
    teardownQuietly("the job ended " + status);
    transition(row.withStatus(status, why), true);
    svc.ended(this);
  }

  private void markRunning(String why) {
    if (preemptedAtNanos != 0) {
      recoveredInNanos = System.nanoTime() - preemptedAtNanos;
      preemptedAtNanos = 0;
    }
    transition(row.withStatus(ManagedJobStatus.RUNNING, why), true);
  }

  private void controllerFailed(Throwable e) {
    log("Controller error: " + e);
    try {
      finish(ManagedJobStatus.FAILED_CONTROLLER, "the controller failed: " + e.getClass().getSimpleName()
          + ": " + e.getMessage() + "; see sky jobs logs --controller " + row.id());
    } catch (RuntimeException again) {
      svc.ended(this);
    }
  }

  private void transition(ManagedJobRow r, boolean event) {
    if (stopped) {
      return; // a stopped (killed) server writes nothing more
    }
    row = r;
    svc.store().save(r, event);
    if (event) {
      log(r.status() + ": " + r.message());
    }
  }

  private void teardownQuietly(String why) {
    ManagedJobRow r = row;
    if (stopped) {
      return;
    }
    if (!svc.driver().hasNodes(r.cluster()) && svc.driver().cluster(r.cluster()).isEmpty()) {
      return;
    }
    try (RequestLog log = new RequestLog(svc.files().controllerLog(r.id()), Redactor.NONE)) {
      log.stage("Tearing down " + r.cluster() + " (" + why + ")");
      svc.driver().down(r.cluster(), r.cloud(), new RequestContext("managed-job-" + r.id(), log));
    } catch (Exception e) {
      log("Teardown of " + r.cluster() + " failed: " + e.getMessage());
    }
  }

  /** Copies what the job printed since the last copy into {@code job.log}. */
  private void copyLog() {
    ManagedJobRow r = row;
    if (r.clusterJobId() == null) {
      return;
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    long offset;
    try {
      offset = svc.driver().copyLog(r.cluster(), r.clusterJobId(), r.logOffset(), buf);
    } catch (IOException | RuntimeException e) {
      return; // the node is gone or busy: the next poll (or nothing, after a preemption) copies
    }
    long newOffset = Math.max(offset, r.logOffset() + buf.size());
    if (buf.size() == 0) {
      return;
    }
    appendJobLog(svc.redact(r.id(), buf.toString(java.nio.charset.StandardCharsets.UTF_8)));
    row = row.withLogOffset(newOffset);
    svc.store().save(row, false);
  }

  private void appendJobLog(String text) {
    try {
      svc.files().appendJobLog(row.id(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      log("Cannot write the job log: " + e.getMessage());
    }
  }

  private void log(String line) {
    svc.controllerLog(row.id(), line);
  }
}
