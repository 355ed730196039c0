package dev.sky4j.provision.bootstrap;

import java.nio.file.Path;

/**
 * One node to bootstrap: how to reach its sshd from here ({@code sshHost:sshPort} as
 * {@code sshUser} with {@code privateKey}, through {@code proxyCommand} when not null), and the
 * node's own address on the cluster network ({@code internalIp}), where its agent listens on
 * {@code agentPort}.
 */
public record BootstrapTarget(String nodeId, int rank, String sshHost, int sshPort,
    String sshUser, Path privateKey, String proxyCommand /* null = none */,
    String internalIp, int agentPort) {}
