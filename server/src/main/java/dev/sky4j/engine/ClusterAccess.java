package dev.sky4j.engine;

import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.requests.RequestLog;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How the engine reaches a cluster's nodes once they exist: SSH (files, commands), the head
 * agent through a tunnel, and the user's SSH config. Connections are cached per cluster, so
 * {@code sky exec} on an UP cluster pays no SSH handshake.
 */
public interface ClusterAccess {
  AgentClient agent(ClusterInfo cluster) throws IOException;

  /** Copies a local file or folder to {@code remotePath} on every node (only what changed). */
  int sync(ClusterInfo cluster, Path local, String remotePath, RequestLog log) throws IOException;

  /**
   * Runs a shell command on every node, as the task would (in the node's own filesystem view);
   * fails with the node's error output when it exits non-zero on any node.
   */
  default void runOnEach(ClusterInfo cluster, String command) throws IOException {
    throw new IOException("this server cannot run commands on the nodes of " + cluster.cluster());
  }

  /**
   * Checks that the head agent answers through the tunnel with the cluster's secret, after the
   * provider's {@code bootstrap} installed it (a fresh VM) or found it there (the local node is
   * the agent).
   */
  void ensureAgent(ClusterInfo cluster, RequestLog log) throws IOException;

  void writeSshConfig(ClusterInfo cluster) throws IOException;

  void removeSshConfig(String cluster);

  /** Drops cached connections to a cluster (after stop or down). */
  void forget(String cluster);
}
