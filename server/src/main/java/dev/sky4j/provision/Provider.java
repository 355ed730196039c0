package dev.sky4j.provision;

import dev.sky4j.catalog.Offer;
import dev.sky4j.requests.RequestLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One cloud's provisioner, in the spirit of SkyPilot's {@code sky/provision}: a handful of verbs,
 * nothing above this interface knows which cloud it talks to. Cluster names here are the user's
 * names; a provider may map them to a name on its cloud. What only some clouds can do is in
 * {@link #capabilities()}; the verbs behind a capability a cloud lacks throw
 * {@link UnsupportedOperationException}.
 */
public interface Provider {
  /** The cloud's name as the catalog and {@code infra:} spell it ({@code local}, {@code aws}). */
  String cloud();

  /** Whether this cloud is usable from here, and if not, what the user should do. */
  CheckResult check();

  /** What this cloud can launch now (the local cloud derives it from its regions and GPUs). */
  List<Offer> offers();

  /** The optional things this cloud can do. */
  default Set<Capability> capabilities() {
    return Set.of();
  }

  /**
   * Refuses, before anything is created, a request field this cloud cannot honour (an image on a
   * cloud without images), naming the field and what to do instead.
   */
  default void checkSupported(ProvisionRequest request) throws ProvisionException.Unsupported {}

  /**
   * Creates the cluster's nodes, or resumes its stopped ones, in the request's region/zone.
   * Returns once every node exists (not necessarily reachable: see {@link #waitInstances}).
   */
  ClusterInfo runInstances(ProvisionRequest request) throws ProvisionException;

  /** Blocks until every node of the cluster accepts SSH, or throws after {@code timeout}. */
  void waitInstances(String cluster, Duration timeout) throws ProvisionException;

  /**
   * Installs and starts the agent on nodes that lack it (a fresh VM), idempotently, once they
   * accept SSH; returns when every agent answers. A no-op where the node is the agent (local).
   */
  default void bootstrap(ClusterInfo cluster, RequestLog log) throws IOException {}

  /**
   * What a node's own shutdown does from now on: delete it ({@code true}: autostop with {@code
   * --down}) or stop it. Autostop on a VM is the node powering itself off, so no cloud
   * credentials sit on it. A no-op where the provider stops nodes itself (local).
   */
  default void setShutdownTerminates(String cluster, boolean terminate) throws ProvisionException {}

  /** Each node's real state (a killed node shows as not running), keyed by node id. */
  Map<String, NodeState> queryInstances(String cluster);

  /** Stops the nodes, keeping their disks; workers only when {@code workersOnly}. */
  void stopInstances(String cluster, boolean workersOnly) throws ProvisionException;

  /** Deletes the nodes and their disks. Terminating an unknown cluster is not an error. */
  void terminateInstances(String cluster, boolean workersOnly) throws ProvisionException;

  /** Head and worker addresses and how to reach them, or empty when the cluster has no nodes. */
  Optional<ClusterInfo> getClusterInfo(String cluster);

  /**
   * Every cluster this cloud holds for this user, found on the cloud itself (tags, folders), not
   * in the server's state: what a server that lost {@code state.db} reconciles from.
   */
  default List<ClusterInfo> listClusters() {
    return List.of();
  }

  /**
   * Opens {@code ports} ({@code 8888}, {@code 10000-10010}) of the cluster to the outside; removed
   * again when the cluster goes down. A no-op where nodes are reachable on every port already.
   */
  default void openPorts(String cluster, List<String> ports) throws ProvisionException {}

  /** Closes what {@link #openPorts} opened (before or after terminate: both are fine). */
  default void closePorts(String cluster) throws ProvisionException {}

  /** {@link Capability#HOST_BUCKETS}: the folder on this machine that plays bucket {@code name}. */
  default Path hostBucket(String name) throws IOException {
    throw new UnsupportedOperationException(cloud() + " has no buckets on this machine");
  }

  /** {@link Capability#PREEMPT_ON_DEMAND}: reclaims a spot node ({@code rank} null = head). */
  default void preempt(String cluster, Integer rank) throws ProvisionException {
    throw new UnsupportedOperationException(cloud() + " nodes cannot be preempted on demand");
  }
}
