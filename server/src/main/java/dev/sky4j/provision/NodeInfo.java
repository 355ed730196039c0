package dev.sky4j.provision;

/**
 * One node: rank 0 is the head. {@code internalIp} is what {@code SKYPILOT_NODE_IPS} lists;
 * {@code sshHost}/{@code sshPort} is where SSH answers (the same address on the local cloud).
 */
public record NodeInfo(
    String id, int rank, String internalIp, String sshHost, int sshPort, NodeState state) {}
