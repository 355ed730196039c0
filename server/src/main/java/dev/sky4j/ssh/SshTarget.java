package dev.sky4j.ssh;

import java.nio.file.Path;

/** Where and as whom to SSH: one node's address, port, user and private key. */
public record SshTarget(String host, int port, String user, Path privateKey) {}
