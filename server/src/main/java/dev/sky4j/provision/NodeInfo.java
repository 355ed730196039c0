package dev.sky4j.provision;

/**
 * One node: rank 0 is the head. {@code internalIp} is what {@code SKYPILOT_NODE_IPS} lists;
 * {@code sshHost}/{@code sshPort} is where SSH answers (the same address on the local cloud);
 * {@code agentPort} is where the node's agent listens on {@code agentHost}, the address the agent
 * binds as seen from the node's side of the SSH tunnel: the node's own address on the local cloud
 * (every node shares this machine's loopback), its private address on a VM (so the head's agent
 * reaches its workers' agents; the cluster secret guards it). A provider that
 * installs the stock agent passes the agent's {@code NodeConfig.DEFAULT_AGENT_PORT}.
 */
public record NodeInfo(
    String id, int rank, String internalIp, String sshHost, int sshPort, NodeState state,
    int agentPort, String agentHost) {

  /** A node whose agent listens on its internal address (the local cloud). */
  public NodeInfo(String id, int rank, String internalIp, String sshHost, int sshPort,
      NodeState state, int agentPort) {
    this(id, rank, internalIp, sshHost, sshPort, state, agentPort, internalIp);
  }
}
