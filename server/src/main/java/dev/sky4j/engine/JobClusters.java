package dev.sky4j.engine;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.client.dto.LaunchRequest;
import dev.sky4j.client.dto.LaunchResult;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.optimizer.Blocked;
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.spec.Task;
import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine as managed-job controllers ({@code dev.sky4j.jobs}) use it: launch a job's dedicated
 * cluster through the normal launch path (with blocked placements and a stable task id), ask the
 * provider and the head agent how it is doing, copy its log, and tear it down.
 */
public final class JobClusters {
  private final Providers providers;
  private final ClusterStore clusters;
  private final ClusterAccess access;
  private final LaunchEngine engine;
  private final ClusterOps ops;
  private final Jobs jobs;

  JobClusters(Providers providers, ClusterStore clusters, ClusterAccess access,
      LaunchEngine engine, ClusterOps ops, Jobs jobs) {
    this.providers = providers;
    this.clusters = clusters;
    this.access = access;
    this.engine = engine;
    this.ops = ops;
    this.jobs = jobs;
  }

  public Catalog catalog() {
    return providers.catalog();
  }

  public Set<String> enabledClouds() {
    return providers.enabledClouds();
  }

  /**
   * Whether a task for {@code cloud} (null: any enabled cloud) lands where storage mounts are
   * folders on this machine ({@link dev.sky4j.provision.Capability#HOST_BUCKETS}).
   */
  public boolean hostBuckets(String cloud) {
    java.util.Collection<String> clouds = cloud != null ? Set.of(cloud) : enabledClouds();
    return !clouds.isEmpty() && clouds.stream().allMatch(c -> providers.has(c)
        && providers.get(c).capabilities().contains(dev.sky4j.provision.Capability.HOST_BUCKETS));
  }

  /** The validated task, or an {@code ApiError} 422 with every finding. */
  public Task resolve(TaskInput in) {
    return TaskResolver.resolve(in, providers.catalog());
  }

  /** Provisions (never reusing a live cluster of that name), syncs, submits detached. */
  public LaunchResult launch(TaskInput in, String cluster, String owner, Set<Blocked> blocked,
      String taskId, RequestContext ctx) throws Exception {
    LaunchRequest req = new LaunchRequest(cluster, in, null, false, false, false, true);
    return engine.launch(req, cluster, owner, blocked, taskId, ctx);
  }

  /** Each node's state as the cloud reports it; empty when the cluster has no nodes. */
  public Map<String, NodeState> nodes(String cloud, String cluster) {
    return providers.get(cloud).queryInstances(cluster);
  }

  public Optional<ClusterRow> cluster(String name) {
    return clusters.get(name);
  }

  /** The head agent's record of one cluster job ({@code state}, {@code message}, ...). */
  public Map<String, Object> job(String cluster, int jobId) throws IOException {
    ClusterRow row = clusters.get(cluster).orElseThrow(() -> new IOException("cluster " + cluster
        + " has no record"));
    return access.agent(jobs.info(row)).job(jobId);
  }

  /** Copies what the job wrote from {@code offset} on (no following); returns the new offset. */
  public long copyLog(String cluster, int jobId, long offset, OutputStream out) throws IOException {
    ClusterRow row = clusters.get(cluster).orElseThrow(() -> new IOException("cluster " + cluster
        + " has no record"));
    return access.agent(jobs.info(row)).log(jobId, offset, false, out);
  }

  /** Drops cached connections to the cluster (a tunnel to a dead node can hang a read). */
  public void forget(String cluster) {
    jobs.forget(cluster);
  }

  public boolean cancelJob(String cluster, int jobId) throws IOException {
    ClusterRow row = clusters.get(cluster).orElseThrow(() -> new IOException("cluster " + cluster
        + " has no record"));
    return jobs.cancel(row, jobId);
  }

  /** Tears the cluster down whether or not it has a state row (a launch may have died halfway). */
  public void down(String cluster, String cloud, RequestContext ctx) throws Exception {
    if (clusters.get(cluster).isPresent()) {
      // a managed job's buckets hold its checkpoints across recoveries: never deleted here
      ops.down(cluster, ctx, false);
      return;
    }
    jobs.forget(cluster);
    access.removeSshConfig(cluster);
    for (String c : cloud == null ? providers.enabledClouds() : Set.of(cloud)) {
      try {
        providers.get(c).terminateInstances(cluster, false);
      } catch (ProvisionException e) {
        throw new IOException("cannot terminate " + cluster + " on " + c + ": " + e.getMessage(), e);
      }
    }
  }

  /** Whether any provider still holds nodes of this cluster. */
  public boolean hasNodes(String cluster) {
    for (String c : providers.enabledClouds()) {
      if (!providers.get(c).queryInstances(cluster).isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
