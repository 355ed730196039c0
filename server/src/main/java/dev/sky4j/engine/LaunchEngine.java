package dev.sky4j.engine;

import dev.sky4j.client.dto.ExecRequest;
import dev.sky4j.client.dto.LaunchRequest;
import dev.sky4j.client.dto.LaunchResult;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.optimizer.LaunchPlan;
import dev.sky4j.optimizer.Optimizer;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.spec.Autostop;
import dev.sky4j.spec.Task;
import dev.sky4j.spec.WaitFor;
import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStatus;
import dev.sky4j.state.ClusterStore;
import dev.sky4j.optimizer.DataLocality;
import dev.sky4j.storage.Buckets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code sky launch} and {@code sky exec}, stage by stage: resolve → optimize and provision with
 * failover (or reuse/restart the named cluster) → wait for SSH → agent → SSH config → sync
 * workdir and file mounts → submit (setup + run; the agent runs setup on every node first) →
 * stream the job's output into the request log.
 */
final class LaunchEngine {
  static final String REMOTE_WORKDIR = "~/sky_workdir";

  private final Providers providers;
  private final ClusterStore clusters;
  private final ClusterAccess access;
  private final Jobs jobs;
  private final ClusterLocks locks;
  private final Provisioner provisioner;
  private final Autostops autostops;
  private final TeardownHooks hooks;
  private final FileMounts fileMounts;
  private final Buckets buckets;

  LaunchEngine(Providers providers, ClusterStore clusters, ClusterAccess access, Jobs jobs,
      ClusterLocks locks, TeardownHooks hooks, Buckets buckets) {
    this.providers = providers;
    this.clusters = clusters;
    this.access = access;
    this.jobs = jobs;
    this.locks = locks;
    this.provisioner = new Provisioner(providers, clusters);
    this.autostops = new Autostops(clusters, access, providers);
    this.hooks = hooks;
    this.fileMounts = new FileMounts(providers, access, buckets);
    this.buckets = buckets;
  }

  LaunchResult launch(LaunchRequest req, String cluster, String owner, RequestContext ctx)
      throws Exception {
    return launch(req, cluster, owner, java.util.Set.of(), null, ctx);
  }

  /**
   * The same launch with placements ruled out up front and a fixed {@code SKYPILOT_TASK_ID}
   * (null: a fresh one): what a managed job's controller needs to recover elsewhere.
   */
  LaunchResult launch(LaunchRequest req, String cluster, String owner,
      java.util.Set<dev.sky4j.optimizer.Blocked> blocked, String taskId, RequestContext ctx)
      throws Exception {
    Task task = TaskResolver.resolve(req.task(), providers.catalog());
    ctx.log().addSecrets(task.secrets().values());
    Autostop yamlAutostop = task.resources().first().autostop();
    Integer idle = req.idleMinutes() != null ? req.idleMinutes()
        : yamlAutostop != null && yamlAutostop.enabled()
            ? Integer.valueOf(yamlAutostop.idleMinutes()) : null;
    if (idle != null && idle == 0) {
      idle = 1; // SkyPilot bumps -i 0 so the cluster is not stopped before the job is submitted
    }
    boolean fromYaml = req.idleMinutes() == null && yamlAutostop != null && yamlAutostop.enabled();
    boolean autodown = idle != null && (req.down() || fromYaml && yamlAutostop.down());
    WaitFor waitFor = req.waitFor() != null ? Autostops.waitFor(req.waitFor())
        : fromYaml ? yamlAutostop.waitFor() : WaitFor.JOBS_AND_SSH;
    // `autostop: false` in the YAML cancels an existing cluster's autostop (SkyPilot sends -1)
    boolean cancelAutostop = idle == null && yamlAutostop != null && !yamlAutostop.enabled();
    // held until the job is submitted, not while it runs: a job may run for days, and a
    // `sky down` or `sky stop` of the cluster meanwhile must not wait for it
    ClusterLocks.Held held = locks.lock(cluster);
    boolean locked = true;
    try {
      ctx.log().stage("Optimizing: " + describeRequest(task));
      Optional<ClusterRow> existing = clusters.get(cluster);
      ClusterInfo info;
      ClusterRow row;
      if (existing.isPresent() && existing.get().status() != ClusterStatus.INIT) {
        row = existing.get();
        if (row.status() == ClusterStatus.AUTOSTOPPING) {
          throw Jobs.autostopping(cluster);
        }
        checkFits(row, task);
        if (row.status() == ClusterStatus.STOPPED) {
          info = provisioner.restart(row, ctx);
        } else {
          ctx.log().stage("Reusing cluster " + cluster + " (" + row.cloud() + "/" + row.region() + ")");
          info = providers.get(row.cloud()).getClusterInfo(cluster).orElseThrow(() ->
              new ApiError(409, "cluster-gone", "cluster " + cluster + " is recorded UP but its "
                  + "nodes are gone; run sky status -r, then sky down " + cluster + " and launch again"));
        }
        if (idle != null) {
          row = row.withAutostop(idle, autodown);
        }
      } else {
        DataLocality data = buckets.locality(task.fileMounts(), ctx.log());
        Provisioner.Outcome o = provisioner.provision(cluster, task.resources(), task.numNodes(),
            req.retryUntilUp(), owner, idle, autodown, blocked, data, ctx);
        buckets.warnRemote(data, o.plan(), ctx.log());
        info = o.info();
        row = clusters.get(cluster).orElseThrow();
      }
      ctx.checkCancelled();
      ctx.log().stage("Waiting for SSH on " + info.nodes().size() + " node(s)");
      try {
        providers.get(row.cloud()).waitInstances(cluster, Duration.ofMinutes(5));
      } catch (ProvisionException e) {
        throw new ApiError(503, "ssh-timeout", "the nodes of " + cluster + " never answered SSH: "
            + e.getMessage() + ". Run sky down " + cluster + " and launch again.");
      }
      info = providers.get(row.cloud()).getClusterInfo(cluster).orElse(info);
      providers.get(row.cloud()).bootstrap(info, ctx.log());
      access.ensureAgent(info, ctx.log());
      access.writeSshConfig(info);
      row = Rows.up(row, info);
      clusters.save(row);
      if (!task.hooks().isEmpty()) {
        autostops.hooks(info, task.hooks());
      }
      if (idle != null || cancelAutostop) {
        row = autostops.set(row, info, idle, autodown, waitFor, ctx.log());
      }
      ctx.log().stage("Cluster " + cluster + " is UP: ssh " + cluster);
      ctx.checkCancelled();
      sync(task, req.task(), info, ctx, true);
      ctx.checkCancelled();
      String setup = req.noSetup() ? null : task.setup();
      if (task.run() == null && setup == null) {
        return new LaunchResult(cluster, 0, row.cloud(), row.region(), row.zone(),
            row.instanceType(), true, null);
      }
      if (setup != null) {
        ctx.log().stage("Running setup on " + info.nodes().size() + " node(s)");
      }
      int jobId = jobs.submit(info, row, task, setup, taskId, ctx);
      held.close();
      locked = false;
      String status = null;
      if (!req.detachRun()) {
        status = jobs.streamInto(info, jobId, ctx);
      }
      if (req.down() && idle == null) {
        if (status == null) {
          status = jobs.streamInto(info, jobId, ctx);
        }
        ctx.log().stage("Job finished (" + status + "); tearing down " + cluster + " (--down)");
        hooks.run(cluster, info, "down", ctx.log());
        try (ClusterLocks.Held again = locks.lock(cluster)) {
          access.forget(cluster);
          providers.get(row.cloud()).terminateInstances(cluster, false);
          access.removeSshConfig(cluster);
          clusters.delete(cluster);
        }
        buckets.release(cluster, ctx.log());
      }
      return new LaunchResult(cluster, jobId, row.cloud(), row.region(), row.zone(),
          row.instanceType(), req.detachRun(), status);
    } finally {
      if (locked) {
        held.close();
      }
    }
  }

  LaunchResult exec(ExecRequest req, RequestContext ctx) throws Exception {
    String cluster = ClusterNames.check(req.cluster());
    ClusterRow row = clusters.get(cluster).orElseThrow(() -> ApiError.notFound("no-such-cluster",
        "cluster " + cluster + " does not exist; launch it first with sky launch -c " + cluster));
    if (row.status() == ClusterStatus.AUTOSTOPPING) {
      throw Jobs.autostopping(cluster);
    }
    if (row.status() != ClusterStatus.UP) {
      throw ApiError.conflict("cluster-not-up", "cluster " + cluster + " is " + row.status()
          + "; sky exec needs an UP cluster: run sky start " + cluster + " first");
    }
    Task task = TaskResolver.resolve(req.task(), providers.catalog());
    ctx.log().addSecrets(task.secrets().values());
    ClusterInfo info = jobs.info(row);
    sync(task, req.task(), info, ctx, false);
    int jobId = jobs.submit(info, row, task, null, ctx);
    String status = req.detachRun() ? null : jobs.streamInto(info, jobId, ctx);
    return new LaunchResult(cluster, jobId, row.cloud(), row.region(), row.zone(),
        row.instanceType(), req.detachRun(), status);
  }

  private void sync(Task task, TaskInput in, ClusterInfo info, RequestContext ctx,
      boolean fileMounts) throws IOException {
    Path base = Path.of(in.baseDir() == null ? "." : in.baseDir());
    if (task.workdir() != null) {
      Path wd = base.resolve(expand(task.workdir())).normalize();
      if (!Files.isDirectory(wd)) {
        throw ApiError.badRequest("workdir-missing", "workdir " + wd + " is not a folder; fix "
            + "workdir: in the task or pass --workdir");
      }
      int n = access.sync(info, wd, REMOTE_WORKDIR, ctx.log());
      ctx.log().stage("Synced workdir " + wd + " to " + REMOTE_WORKDIR + " (" + n + " files changed)");
    }
    if (fileMounts) {
      this.fileMounts.sync(task, base, info, ctx);
    }
  }

  private static String expand(String p) {
    return FileMounts.expand(p);
  }

  /** Refuses to reuse a cluster whose shape cannot run the task, with a clear message. */
  private void checkFits(ClusterRow row, Task task) {
    if (task.numNodes() > row.numNodes()) {
      throw ApiError.conflict("cluster-mismatch", "cluster " + row.name() + " has "
          + row.numNodes() + " node(s) but the task needs " + task.numNodes()
          + "; use another -c name, or sky down " + row.name() + " first");
    }
    var plans = new Optimizer(providers.catalog()).optimize(task.resources(), task.numNodes(),
        java.util.Set.of(), java.util.Set.of(row.cloud())).plans();
    boolean fits = plans.stream().anyMatch(p -> p.instanceType().equals(row.instanceType())
        && p.region().equals(row.region()));
    if (!fits) {
      LaunchPlan want = plans.isEmpty() ? null : plans.get(0);
      throw ApiError.conflict("cluster-mismatch", "cluster " + row.name() + " runs "
          + row.instanceType() + " in " + row.cloud() + "/" + row.region()
          + ", which does not satisfy the task's resources"
          + (want == null ? "" : " (it would need e.g. " + want.instanceType() + " in " + want.infra() + ")")
          + "; use another -c name, or sky down " + row.name() + " first");
    }
  }

  private static String describeRequest(Task t) {
    var r = t.resources().first();
    StringBuilder sb = new StringBuilder();
    sb.append(t.numNodes()).append(" node(s)");
    if (r.accelerator() != null) {
      sb.append(", ").append(r.accelerator());
    }
    if (r.cloud() != null) {
      sb.append(", infra ").append(r.cloud()).append(r.region() == null ? "" : "/" + r.region());
    }
    if (r.useSpot()) {
      sb.append(", spot");
    }
    return sb.toString();
  }
}
