package dev.sky4j.engine;

import dev.sky4j.client.dto.Problem;
import dev.sky4j.json.Json;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStatus;
import dev.sky4j.state.ClusterStore;
import dev.sky4j.state.RequestStore;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once when the server starts, before it takes requests: requests that were running when
 * the last server died are marked FAILED; an INIT cluster from a crashed first launch is torn
 * down (its nodes were recorded before they were created, so none escapes); every other cluster
 * takes the state its provider reports.
 */
final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private Reconciler() {}

  static void run(ClusterStore clusters, RequestStore requests, Providers providers,
      StatusView view, ClusterAccess access) {
    var failed = requests.failInterrupted(Json.write(Problem.of(503, "server-restarted",
        "the API server stopped while this request ran; check sky status and run the command again")));
    if (!failed.isEmpty()) {
      LOG.info("marked {} interrupted request(s) FAILED", failed.size());
    }
    for (ClusterRow r : clusters.list()) {
      if (!providers.has(r.cloud())) {
        continue;
      }
      try {
        if (r.status() == ClusterStatus.INIT && !r.everUp()) {
          LOG.info("cleaning up {}: its first launch did not finish", r.name());
          providers.get(r.cloud()).terminateInstances(r.name(), false);
          access.removeSshConfig(r.name());
          clusters.delete(r.name());
        } else if (r.status() == ClusterStatus.INIT) {
          Map<String, NodeState> s = providers.get(r.cloud()).queryInstances(r.name());
          boolean allUp = !s.isEmpty() && s.size() == r.numNodes()
              && s.values().stream().allMatch(x -> x == NodeState.RUNNING);
          boolean allStopped = !s.isEmpty() && s.values().stream().allMatch(x -> x == NodeState.STOPPED);
          if (allUp) {
            clusters.save(r.withStatus(ClusterStatus.UP, null));
          } else if (allStopped) {
            clusters.save(r.withStatus(ClusterStatus.STOPPED, "a start was interrupted; run sky start "
                + r.name()));
          } else {
            clusters.save(r.withStatus(ClusterStatus.INIT, "a launch was interrupted; run sky launch -c "
                + r.name() + " again or sky down " + r.name()));
          }
        } else {
          view.refresh(r);
        }
      } catch (ProvisionException | RuntimeException e) {
        LOG.warn("could not reconcile {}: {}", r.name(), e.getMessage());
      }
    }
    adopt(clusters, providers);
  }

  /**
   * Clusters a cloud holds that the state does not know (a lost or replaced {@code state.db}):
   * recorded again from what the cloud says, so {@code sky status} shows them and {@code sky
   * down} can remove them, instead of leaving them running unseen.
   */
  static void adopt(ClusterStore clusters, Providers providers) {
    for (String cloud : providers.enabledClouds()) {
      try {
        for (ClusterInfo info : providers.get(cloud).listClusters()) {
          if (clusters.get(info.cluster()).isEmpty() && !info.nodes().isEmpty()) {
            clusters.save(Rows.adopted(info));
            LOG.info("found {} on {} by its tags; recorded it again", info.cluster(), cloud);
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("could not list the clusters of {}: {}", cloud, e.getMessage());
      }
    }
  }
}
