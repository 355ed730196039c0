package dev.sky4j.jobs;

import dev.sky4j.requests.Redactor;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.requests.RequestLog;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One managed job's controller: a state machine whose steps run on the shared scheduler (polls)
 * and the shared launch pool (launch, teardown). It holds no thread between steps; exactly one
 * step is scheduled or running at a time. Every state change is persisted with its reason before
 * the next step is scheduled, so {@link #resume} can pick the job up after a server restart.
 *
 * <p>This class owns the job's state and the scheduling; the steps live beside it:
 * {@link LaunchAttempt} (launch, retry with backoff), {@link JobWatch} (polls, preemption),
 * {@link UserFailures} (restart or give up), {@link RestartStep}, {@link FinishStep},
 * {@link CancelStep}, and {@link JobLogCopier} (the job's output into {@code job.log}).
 */
final class JobController {
  final ManagedJobs svc;
  final LaunchAttempt launch;
  final JobWatch watch;
  final UserFailures failures;
  final JobLogCopier logs;
  private final Object lock = new Object();
  private volatile ManagedJobRow row;
  private volatile boolean cancel;
  private ScheduledFuture<?> next;
  /** The launch in progress and its thread (guarded by lock), so a cancel can abort it. */
  private RequestContext launching;
  private Thread launcher;
  private boolean busy;
  private boolean stopped;
  /** When the last preemption was noticed (for the recovery-time figure), 0 if none. */
  private volatile long preemptedAtNanos;
  private volatile long recoveredInNanos = -1;

  JobController(ManagedJobs svc, ManagedJobRow row) {
    this.svc = svc;
    this.row = row;
    this.cancel = row.cancelRequested();
    this.launch = new LaunchAttempt(this);
    this.watch = new JobWatch(this);
    this.failures = new UserFailures(this);
    this.logs = new JobLogCopier(this);
  }

  ManagedJobRow row() {
    return row;
  }

  /** Replaces the row in memory only; {@link #transition} also persists it. */
  void row(ManagedJobRow r) {
    row = r;
  }

  boolean cancelRequested() {
    return cancel;
  }

  boolean stopped() {
    return stopped;
  }

  /** Nanoseconds from the last noticed preemption to RUNNING again; -1 until that happened. */
  long lastRecoveryNanos() {
    return recoveredInNanos;
  }

  void preemptionNoticed() {
    preemptedAtNanos = System.nanoTime();
  }

  // ---- scheduling ------------------------------------------------------------------------

  /** Picks a job up from its persisted state (a new job is PENDING with nothing launched). */
  void resume() {
    ManagedJobRow r = row;
    if (cancel || r.status() == ManagedJobStatus.CANCELLING) {
      schedule(new CancelStep(this), 0, true);
    } else if (r.clusterJobId() != null) {
      log("Watching cluster job " + r.clusterJobId() + " on " + r.cluster() + " (" + r.infra() + ")");
      schedule(watch::poll, 0, false);
    } else {
      schedule(launch::run, 0, true);
    }
  }

  void requestCancel() {
    cancel = true;
    synchronized (lock) {
      if (!busy && next != null && !stopped) {
        next.cancel(false);
        next = null;
        schedule(new CancelStep(this), 0, true);
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

  /** Registers the launch running on this thread, so {@link #requestCancel} can abort it. */
  void launchStarted(RequestContext ctx) {
    synchronized (lock) {
      if (cancel) {
        ctx.cancel();
      }
      launching = ctx;
      launcher = Thread.currentThread();
    }
  }

  void launchEnded() {
    synchronized (lock) {
      launching = null;
      launcher = null;
    }
  }

  void schedule(Runnable step, long delayMs, boolean heavy) {
    Runnable s = cancel && !(step instanceof CancelStep) ? new CancelStep(this) : step;
    boolean h = heavy || s != step;
    synchronized (lock) {
      if (stopped) {
        return;
      }
      // the scheduler is only a timer: polls and launches run in their own small pools, so a
      // slow step never delays another job's timer, and launches never starve polls
      Runnable guarded = () -> run(s, !h);
      next = svc.scheduler().schedule(() -> (h ? svc.workers() : svc.pollers()).execute(guarded), delayMs,
          TimeUnit.MILLISECONDS);
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
        TimeUnit.MILLISECONDS) : null;
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

  // ---- state changes ---------------------------------------------------------------------

  void finish(ManagedJobStatus status, String why) {
    teardownQuietly("the job ended " + status);
    transition(row.withStatus(status, why), true);
    svc.ended(this);
  }

  void markRunning(String why) {
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

  void transition(ManagedJobRow r, boolean event) {
    if (stopped) {
      return; // a stopped (killed) server writes nothing more
    }
    row = r;
    svc.store().save(r, event);
    if (event) {
      log(r.status() + ": " + r.message());
    }
  }

  void teardownQuietly(String why) {
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

  void log(String line) {
    svc.controllerLog(row.id(), line);
  }
}
