package dev.sky4j.kernel.cluster;

import dev.sky4j.kernel.repl.Connector;
import dev.sky4j.kernel.repl.ProcessTransport;
import dev.sky4j.kernel.repl.Transport;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The link to the Python that runs as a job on the cluster's head node: {@code ssh <cluster>}
 * running the script's bridge, which joins the session to the REPL's unix socket. A dropped link
 * is opened again by the same command while the REPL (and its state) lives on in its job; when
 * the head node itself is gone the cluster's refreshed status says so, and the error names the
 * way back.
 */
public final class RemotePython implements Connector {
  private final String cluster;
  private final String python;
  private final String socket;
  private final Clusters clusters;
  private volatile double bridgeWaitSeconds;

  public RemotePython(String cluster, String python, String socket, Clusters clusters,
      double firstWaitSeconds) {
    this.cluster = cluster;
    this.python = python;
    this.socket = socket;
    this.clusters = clusters;
    this.bridgeWaitSeconds = firstWaitSeconds;
  }

  @Override
  public Transport open() throws IOException {
    String cmd = python + " -u " + Attacher.REMOTE_SCRIPT + " bridge " + Ssh.quote(socket) + " "
        + bridgeWaitSeconds;
    // the first link waits for the job to start; later ones find the socket there or never will
    bridgeWaitSeconds = 2;
    return ProcessTransport.start(Ssh.command(cluster, cmd), null, Map.of());
  }

  @Override
  public boolean reconnects() {
    return true;
  }

  @Override
  public boolean hopeless() {
    try {
      Optional<ClusterInfo> c = clusters.find(cluster, true);
      return c.isEmpty() || !c.get().up();
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public String lost(String detail) {
    String status;
    try {
      status = clusters.find(cluster, true).map(c -> c.record().status()).orElse(null);
    } catch (Exception e) {
      return "Lost the link to cluster " + cluster + " (" + detail + ") and the API server does not "
          + "answer (" + e.getMessage() + "). %sky attach " + cluster + " tries again.";
    }
    if (status == null || !("UP".equals(status) || "AUTOSTOPPING".equals(status))) {
      return ClusterInfo.wayBack(cluster, status);
    }
    return "Lost the link to cluster " + cluster + "'s head node and could not reconnect ("
        + detail + "). The cluster is " + status + "; if its Python job ended, its state is gone: "
        + "%sky attach " + cluster + " starts a fresh one (%sky queue " + cluster + " shows the job).";
  }
}
