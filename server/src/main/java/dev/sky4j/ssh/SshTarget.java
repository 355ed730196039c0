package dev.sky4j.ssh;

import java.nio.file.Path;

/**
 * Where and as whom to SSH: one node's address, port, user and private key, and the OpenSSH-style
 * {@code ProxyCommand} ({@code %h}, {@code %p}, {@code %r}; null = connect directly) whose stdin
 * and stdout carry the connection, e.g. {@code ssh -W %h:%p bastion}.
 */
public record SshTarget(String host, int port, String user, Path privateKey, String proxyCommand) {
  public SshTarget(String host, int port, String user, Path privateKey) {
    this(host, port, user, privateKey, null);
  }
}
