package dev.sky4j.client.dto;

import java.util.List;

/** {@code POST /api/v1/stop|start|down}: which clusters, and for start the autostop to set. */
public record ClusterAction(
    List<String> clusters, boolean all, Integer idleMinutes, boolean down, boolean retryUntilUp) {
  public ClusterAction {
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
  }
}
