package dev.sky4j.engine;

import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStatus;
import dev.sky4j.state.ClusterStore;
import dev.sky4j.state.JobStore;
import java.time.Duration;

/** stop, start and down of one cluster, each recorded in the state store as it happens. */
final class ClusterOps {
  private final Providers providers;
  private final ClusterStore clusters;
  private final JobStore jobStore;
  private final ClusterAccess access;
  private final Jobs jobs;
  private final ClusterLocks locks;
  private final Provisioner provisioner;

  ClusterOps(Providers providers, ClusterStore clusters, JobStore jobStore, ClusterAccess access,
      Jobs jobs, ClusterLocks locks) {
    this.providers = providers;
    this.clusters = clusters;
    this.jobStore = jobStore;
    this.access = access;
    this.jobs = jobs;
    this.locks = locks;
    this.provisioner = new Provisioner(providers, clusters);
  }

  ClusterRow require(String name) {
    return clusters.get(name).orElseThrow(() -> ApiError.notFound("no-such-cluster",
        "cluster " + name + " does not exist (sky status lists your clusters)"));
  }

  void stop(String name, RequestContext ctx) throws Exception {
    try (ClusterLocks.Held ignored = locks.lock(name)) {
      ClusterRow row = require(name);
      if (row.status() == ClusterStatus.STOPPED) {
        ctx.log().stage("Cluster " + name + " is already stopped.");
        return;
      }
      ctx.log().stage("Stopping " + name + " (disks are kept; sky start " + name + " resumes it)");
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
      access.ensureAgent(info, ctx.log());
      access.writeSshConfig(info);
      ClusterRow up = Rows.up(row, info);
      if (idleMinutes != null) {
        up = up.withAutostop(idleMinutes, down);
      }
      clusters.save(up);
      ctx.log().stage("Cluster " + name + " is UP: ssh " + name);
    }
  }

  void down(String name, RequestContext ctx) throws Exception {
    try (ClusterLocks.Held ignored = locks.lock(name)) {
      ClusterRow row = require(name);
      ctx.log().stage("Tearing down " + name + " (" + row.cloud() + "/" + row.region() + ")");
      jobs.forget(name);
      providers.get(row.cloud()).terminateInstances(name, false);
      access.removeSshConfig(name);
      clusters.delete(name);
      jobStore.deleteCluster(name);
      ctx.log().stage("Cluster " + name + " terminated.");
    }
  }
}
