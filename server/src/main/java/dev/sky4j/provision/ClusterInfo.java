package dev.sky4j.provision;

import java.nio.file.Path;
import java.util.List;

/** How to reach a cluster: its nodes (head first), the SSH user and the private key to use. */
public record ClusterInfo(
    String cluster,
    String cloud,
    String region,
    String zone,
    String instanceType,
    List<NodeInfo> nodes,
    String sshUser,
    Path privateKey) {
  public ClusterInfo {
    nodes = List.copyOf(nodes);
  }

  public NodeInfo head() {
    return nodes.get(0);
  }

  public List<NodeInfo> workers() {
    return nodes.subList(1, nodes.size());
  }
}
