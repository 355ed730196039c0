package dev.sky4j.state;

import java.util.List;

/**
 * A cluster as the state store keeps it: where it runs, what it costs per node-hour, its autostop
 * and its nodes. {@code everUp} tells the reconciler whether an INIT cluster is a crashed first
 * launch (clean it up) or a relaunch of a cluster that has data (keep it).
 */
public record ClusterRow(
    String name,
    ClusterStatus status,
    String cloud,
    String region,
    String zone,
    String instanceType,
    int numNodes,
    String acceleratorName,
    double acceleratorCount,
    boolean spot,
    double vcpus,
    double memoryGib,
    double pricePerNode,
    Integer autostopMinutes,
    boolean autostopDown,
    long launchedAt,
    String owner,
    List<NodeRow> nodes,
    boolean everUp,
    String statusMessage) {
  public ClusterRow {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
  }

  public double pricePerHour() {
    return pricePerNode * numNodes;
  }

  public ClusterRow withStatus(ClusterStatus s, String message) {
    return new ClusterRow(name, s, cloud, region, zone, instanceType, numNodes, acceleratorName,
        acceleratorCount, spot, vcpus, memoryGib, pricePerNode, autostopMinutes, autostopDown,
        launchedAt, owner, nodes, everUp || s == ClusterStatus.UP, message);
  }

  public ClusterRow withNodes(List<NodeRow> n) {
    return new ClusterRow(name, status, cloud, region, zone, instanceType, numNodes,
        acceleratorName, acceleratorCount, spot, vcpus, memoryGib, pricePerNode, autostopMinutes,
        autostopDown, launchedAt, owner, n, everUp, statusMessage);
  }

  public ClusterRow withAutostop(Integer minutes, boolean down) {
    return new ClusterRow(name, status, cloud, region, zone, instanceType, numNodes,
        acceleratorName, acceleratorCount, spot, vcpus, memoryGib, pricePerNode, minutes, down,
        launchedAt, owner, nodes, everUp, statusMessage);
  }
}
