package dev.sky4j.provision.bootstrap;

import java.nio.file.Path;

/**
 * One fresh node to bootstrap over OpenSSH (contract §6): where SSH answers, as whom, with which
 * key, through which proxy command (null = none), and the node's internal address and agent port.
 */
public record BootstrapTarget(String nodeId, int rank, String sshHost, int sshPort,
    String sshUser, Path privateKey, String proxyCommand, String internalIp, int agentPort) {}
