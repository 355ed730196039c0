package dev.sky4j.engine;

import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.spec.WaitFor;
import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStatus;
import dev.sky4j.state.ClusterStore;
import dev.sky4j.state.JobStore;
import dev.sky4j.storage.Buckets;
import java.time.Duration;

/** stop, start, down and autostop of one cluster, each recorded in the state store as it happens. */
final class ClusterOps {
  private final Providers providers;
  private final ClusterStore clusters;
  private final JobStore jobStore;
  private final ClusterAccess access;
  private final Jobs jobs;
  private final ClusterLocks locks;
  private final Provisioner provisioner;
  private final Autostops autostops;
  private final TeardownHooks hooks;
  private final Buckets buckets;

  ClusterOps(Providers providers, ClusterStore clusters, JobStore jobStore, ClusterAccess access,
      Jobs jobs, ClusterLocks locks, TeardownHooks hooks, Buckets buckets) {
    this.buckets = buckets;
    this.providers = providers;
    this.clusters = clusters;
    this.jobStore = jobStore;
    this.access = access;
    this.jobs = jobs;
    this.locks = locks;
    this.provisioner = new Provisioner(providers, clusters);
    this.autostops = new Autostops(clusters, access, providers);
    this.hooks = hooks;
  }

  /**
   * How to reach the head for its hooks, or null when it is stopped (nothing to run them on). A
   * cluster that lost a worker (INIT) still runs them on its head when the head answers.
   */
  private ClusterInfo reachable(ClusterRow row) {
    if (row.status() == ClusterStatus.STOPPED) {
      return null;
    }
    try {
      return row.status() == ClusterStatus.UP ? jobs.info(row)
          : providers.get(row.cloud()).getClusterInfo(row.name()).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  ClusterRow require(String name) {
    return clusters.get(name).orElseThrow(() -> ApiError.notFound("no-such-cluster",
        "cluster " + name + " does not exist (sky status lists your clusters)"));
  }

  /**
   * The hooks run outside the cluster lock (they may take an hour): a {@code sky down} or a
   * status refresh meanwhile is not held up, and whatever happened to the cluster by the time
   * they end (torn down, stopped by autostop) is what the second half goes by.
   */
  void stop(String name, RequestContext ctx) throws Exception {
    ClusterInfo info;
    try (ClusterLocks.Held ignored = locks.lock(name)) {
      ClusterRow row = require(name);
      if (row.status() == ClusterStatus.STOPPED) {
        ctx.log().stage("Cluster " + name + " is already stopped.");
        return;
      }
      ctx.log().stage("Stopping " + name + " (disks are kept; sky start " + name + " resumes it)");
      info = reachable(row);
    }
    hooks.run(name, info, "stop", ctx.log());
    try (ClusterLocks.Held ignored = locks.lock(name)) {
      ClusterRow row = clusters.get(name).orElse(null);
      if (row == null) {
        ctx.log().stage("Cluster " + name + " was torn down while its stop hooks ran.");
        return;
      }
      jobs.forget(name);
      providers.get(row.cloud()).stopInstances(name, false);
      access.removeSshConfig(name);
      clusters.save(row.withStatus(ClusterStatus.STOPPED, null));
      ctx.log().stage("Cluster " + name + " stopped.");
    }
  }

  void start(String name, Integer idleMinutes, boolean down, RequestContext ctx) throws Exception {
    try (ClusterLocks.Held ignored = locks.lock(name)) {
      ClusterRow row = require(name);
      if (row.status() == ClusterStatus.UP) {
        ctx.log().stage("Cluster " + name + " is already UP.");
        return;
      }
      ClusterInfo info = provisioner.restart(row, ctx);
      try {
        providers.get(row.cloud()).waitInstances(name, Duration.ofMinutes(5));
      } catch (ProvisionException e) {
        throw new ApiError(503, "ssh-timeout", "the nodes of " + name + " never answered SSH: "
            + e.getMessage());
      }
      info = providers.get(row.cloud()).getClusterInfo(name).orElse(info);
      providers.get(row.cloud()).bootstrap(info, ctx.log());
      access.ensureAgent(info, ctx.log());
      access.writeSshConfig(info);
      ClusterRow up = Rows.up(row, info);
      clusters.save(up);
      if (idleMinutes != null) {
        autostops.set(up, info, idleMinutes, down, WaitFor.JOBS_AND_SSH, ctx.log());
      }
      ctx.log().stage("Cluster " + name + " is UP: ssh " + name);
    }
  }

  /** {@code sky autostop}: hands the setting to the head agent ({@code minutes} null cancels). */
  void autostop(String name, Integer minutes, boolean down, WaitFor waitFor, RequestContext ctx)
      throws Exception {
    try (ClusterLocks.Held ignored = locks.lock(name)) {
      ClusterRow row = require(name);
      if (row.status() != ClusterStatus.UP) {
        throw ApiError.conflict("cluster-not-up", "cluster " + name + " is " + row.status()
            + "; autostop needs an UP cluster" + (row.status() == ClusterStatus.STOPPED
                ? " (sky start " + name + " -i MINUTES starts it with autostop)" : ""));
      }
      autostops.set(row, jobs.info(row), minutes, down, waitFor, ctx.log());
    }
  }

  /** As {@link #stop}: the down hooks run outside the cluster lock. */
  void down(String name, RequestContext ctx) throws Exception {
    down(name, ctx, true);
  }

  /** {@code deleteEphemeral}: whether its {@code persistent: false} buckets go with it. */
  void down(String name, RequestContext ctx, boolean deleteEphemeral) throws Exception {
    ClusterInfo info;
    try (ClusterLocks.Held ignored = locks.lock(name)) {
      ClusterRow row = require(name);
      ctx.log().stage("Tearing down " + name + " (" + row.cloud() + "/" + row.region() + ")");
      info = reachable(row);
    }
    hooks.run(name, info, "down", ctx.log());
    try (ClusterLocks.Held ignored = locks.lock(name)) {
      ClusterRow row = clusters.get(name).orElse(null);
      if (row == null) {
        ctx.log().stage("Cluster " + name + " is already gone.");
        return;
      }
      jobs.forget(name);
      providers.get(row.cloud()).terminateInstances(name, false);
      providers.get(row.cloud()).closePorts(name);
      access.removeSshConfig(name);
      clusters.delete(name);
      jobStore.deleteCluster(name);
      ctx.log().stage("Cluster " + name + " terminated.");
    }
    buckets.release(name, ctx.log(), deleteEphemeral);
  }
}
