package dev.sky4j.jobs;

import dev.sky4j.client.dto.LaunchResult;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.client.dto.TaskOverrides;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.Redactor;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.requests.RequestLog;
import java.io.IOException;

/**
 * The launch step of a managed job: place the next attempt ({@link RecoveryStrategy}), launch its
 * cluster through the engine, and on failure retry with {@link Backoff} until the recovery
 * budget is spent. A success hands over to {@link JobWatch}.
 */
final class LaunchAttempt {
  private final JobController c;

  LaunchAttempt(JobController c) {
    this.c = c;
  }

  void run() {
    ManagedJobs svc = c.svc;
    ManagedJobRow r = c.row();
    boolean recovering = r.recoveries() + r.restarts() > 0;
    int attempt = r.launchAttempts() + 1;
    RecoveryStrategy.Placement where = svc.placement(r, attempt);
    String wanted = where.pinInfra() != null ? "in " + where.pinInfra()
        : where.blocked().isEmpty() ? "anywhere" : "outside " + r.lostRegion();
    r = r.withCounters(r.recoveries(), r.restarts(), attempt, r.lostRegion())
        .withStatus(recovering ? ManagedJobStatus.RECOVERING : ManagedJobStatus.STARTING,
            (recovering ? "relaunching" : "launching") + " " + r.cluster() + " " + wanted
                + " (attempt " + attempt + ")");
    c.transition(r, r.status() != c.row().status());
    String impossible = svc.precheck(r);
    if (impossible != null) {
      c.finish(ManagedJobStatus.FAILED_PRECHECKS, impossible);
      return;
    }
    c.teardownQuietly("leftover from an earlier attempt");
    TaskInput in;
    try {
      in = svc.input(r);
    } catch (IOException | RuntimeException e) {
      c.finish(ManagedJobStatus.FAILED_PRECHECKS, "cannot prepare the task: " + e.getMessage());
      return;
    }
    if (where.pinInfra() != null) {
      in = pinned(in, where.pinInfra());
    }
    LaunchResult res;
    try (RequestLog log = new RequestLog(svc.files().controllerLog(r.id()),
        new Redactor(in.secrets().values()))) {
      RequestContext ctx = new RequestContext("managed-job-" + r.id(), log);
      c.launchStarted(ctx);
      try {
        ctx.checkCancelled();
        res = svc.driver().launch(in, r.cluster(), r.owner(), where.blocked(), r.taskId(), ctx);
      } finally {
        c.launchEnded();
        Thread.interrupted(); // a cancel's interrupt must not hit the teardown or the next step
      }
    } catch (ApiError e) {
      if (!c.stopped() && !aborted(e)) {
        failed(e.problem().status() >= 400 && e.problem().status() < 500
            && e.problem().status() != 409, e.getMessage());
      }
      return;
    } catch (Exception e) {
      if (!c.stopped() && !aborted(e)) {
        failed(false, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      return;
    }
    ManagedJobRow now = c.row();
    r = now.withLaunched(res.jobId(), res.cloud(), res.region(), res.zone())
        .withCounters(now.recoveries(), now.restarts(), 0, null);
    c.logs.append("=== " + (recovering ? "recovery attempt " : "attempt ") + "on "
        + r.infra() + " (cluster " + r.cluster() + ", cluster job " + res.jobId() + ") ===\n");
    c.watch.reset();
    c.failures.reset();
    c.row(r);
    if (c.cancelRequested()) {
      c.schedule(new CancelStep(c), 0, true);
      return;
    }
    c.markRunning("running on " + r.infra() + " as cluster job " + res.jobId());
    c.schedule(c.watch::poll, svc.config().pollMillis(), false);
  }

  /** The task with its infra overridden: the strategy pins a recovery to a region. */
  private static TaskInput pinned(TaskInput in, String infra) {
    TaskOverrides o = in.overrides();
    return new TaskInput(in.yaml(), in.yamlPath(), in.baseDir(), in.command(), new TaskOverrides(
        o.name(), o.workdir(), o.numNodes(), o.gpus(), o.cpus(), o.memory(), o.diskSize(),
        infra, o.useSpot(), o.instanceType()), in.envs(), in.secrets());
  }

  /**
   * After a launch threw: when the user cancelled meanwhile, whatever the launch threw is the
   * abort (an interrupted wait, a cancelled stage), not a failure to retry; go to CancelStep.
   */
  private boolean aborted(Exception e) {
    if (!c.cancelRequested()) {
      return false;
    }
    c.log("Launch of " + c.row().cluster() + " aborted by the cancel (" + e.getMessage() + ")");
    c.schedule(new CancelStep(c), 0, true);
    return true;
  }

  private void failed(boolean precheck, String why) {
    c.teardownQuietly("failed launch");
    ManagedJobRow r = c.row();
    if (precheck) {
      c.finish(ManagedJobStatus.FAILED_PRECHECKS, why);
      return;
    }
    boolean recovering = r.recoveries() + r.restarts() > 0;
    if (recovering && r.launchAttempts() >= c.svc.config().maxRecoveryRetries()) {
      c.finish(ManagedJobStatus.FAILED_NO_RESOURCE, "Resources unavailable: failed to launch "
          + "clusters after " + r.launchAttempts() + " retries. Last error: " + why);
      return;
    }
    long gap = Backoff.gapMillis(c.svc.config().retryGapMillis(), r.launchAttempts());
    c.transition(r.withStatus(ManagedJobStatus.PENDING, "launch attempt " + r.launchAttempts()
        + " failed: " + why + "; retrying in " + (gap / 100) / 10.0 + " s"), true);
    c.schedule(this::run, gap, true);
  }
}
