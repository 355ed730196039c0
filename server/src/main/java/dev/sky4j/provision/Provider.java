package dev.sky4j.provision;

import dev.sky4j.catalog.Offer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cloud's provisioner, in the spirit of SkyPilot's {@code sky/provision}: a handful of verbs,
 * nothing above this interface knows which cloud it talks to. Cluster names here are the user's
 * names; a provider may map them to a name on its cloud.
 */
public interface Provider {
  /** The cloud's name as the catalog and {@code infra:} spell it ({@code local}, {@code aws}). */
  String cloud();

  /** Whether this cloud is usable from here, and if not, what the user should do. */
  CheckResult check();

  /** What this cloud can launch now (the local cloud derives it from its regions and GPUs). */
  List<Offer> offers();

  /**
   * Creates the cluster's nodes, or resumes its stopped ones, in the request's region/zone.
   * Returns once every node exists (not necessarily reachable: see {@link #waitInstances}).
   */
  ClusterInfo runInstances(ProvisionRequest request) throws ProvisionException;

  /** Blocks until every node of the cluster accepts SSH, or throws after {@code timeout}. */
  void waitInstances(String cluster, Duration timeout) throws ProvisionException;

  /** Each node's real state (a killed node shows as not running), keyed by node id. */
  Map<String, NodeState> queryInstances(String cluster);

  /** Stops the nodes, keeping their disks; workers only when {@code workersOnly}. */
  void stopInstances(String cluster, boolean workersOnly) throws ProvisionException;

  /** Deletes the nodes and their disks. Terminating an unknown cluster is not an error. */
  void terminateInstances(String cluster, boolean workersOnly) throws ProvisionException;

  /** Head and worker addresses and how to reach them, or empty when the cluster has no nodes. */
  Optional<ClusterInfo> getClusterInfo(String cluster);
}
