package dev.sky4j.state;

/** A node as stored with its cluster: enough to reach it without asking the provider. */
public record NodeRow(String id, int rank, String internalIp, String sshHost, int sshPort) {}
