package dev.sky4j.provision;

/**
 * One node: rank 0 is the head. {@code internalIp} is what {@code SKYPILOT_NODE_IPS} lists;
 * {@code sshHost}/{@code sshPort} is where SSH answers (the same address on the local cloud);
 * {@code agentPort} is where the node's agent listens on {@code internalIp}, reached through an
 * SSH tunnel (a provider that installs the stock agent passes the agent's
 * {@code NodeConfig.DEFAULT_AGENT_PORT}).
 */
public record NodeInfo(
    String id, int rank, String internalIp, String sshHost, int sshPort, NodeState state,
    int agentPort) {}
