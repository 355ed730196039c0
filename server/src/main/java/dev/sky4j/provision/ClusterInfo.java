package dev.sky4j.provision;

import java.nio.file.Path;
import java.util.List;

/**
 * How to reach a cluster: its nodes (head first), the SSH user and the private key to use, and
 * the command SSH runs to reach a node ({@code proxyCommand}, OpenSSH's {@code ProxyCommand} with
 * {@code %h}/{@code %p}; null = connect directly), e.g. through a bastion into a private subnet.
 */
public record ClusterInfo(
    String cluster,
    String cloud,
    String region,
    String zone,
    String instanceType,
    List<NodeInfo> nodes,
    String sshUser,
    Path privateKey,
    String proxyCommand) {
  public ClusterInfo {
    nodes = List.copyOf(nodes);
  }

  /** A cluster reached directly (no proxy command). */
  public ClusterInfo(String cluster, String cloud, String region, String zone,
      String instanceType, List<NodeInfo> nodes, String sshUser, Path privateKey) {
    this(cluster, cloud, region, zone, instanceType, nodes, sshUser, privateKey, null);
  }

  public NodeInfo head() {
    return nodes.get(0);
  }

  public List<NodeInfo> workers() {
    return nodes.subList(1, nodes.size());
  }
}
