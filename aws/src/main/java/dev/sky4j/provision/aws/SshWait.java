package dev.sky4j.provision.aws;

import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeInfo;
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.ProvisionException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Waits until every node runs and its sshd answers with an SSH banner (a VM's sshd starts some
 * seconds after EC2 says "running"). Behind a proxy command the banner cannot be read from here;
 * the bootstrap's own SSH retries cover that case, so only the state is awaited.
 */
final class SshWait {
  private final Function<String, Optional<ClusterInfo>> info;

  SshWait(Function<String, Optional<ClusterInfo>> info) {
    this.info = info;
  }

  void await(String cluster, String region, Duration timeout) throws ProvisionException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String why = "no instances";
    while (System.nanoTime() < deadline) {
      Optional<ClusterInfo> c = info.apply(cluster);
      if (c.isPresent()) {
        why = notReady(c.get());
        if (why == null) {
          return;
        }
        if (c.get().nodes().stream().anyMatch(n -> n.state() == NodeState.TERMINATED)) {
          throw new ProvisionException.CapacityUnavailable(region, c.get().zone(), "a node of "
              + cluster + " was terminated while starting (spot reclaimed?)");
        }
      }
      sleep(2000);
    }
    throw new ProvisionException.CapacityUnavailable(region, null, cluster + " did not accept "
        + "SSH within " + timeout.toSeconds() + " s: " + why);
  }

  /** Why the cluster is not ready yet, or null when it is. */
  private static String notReady(ClusterInfo c) {
    for (NodeInfo n : c.nodes()) {
      if (n.state() != NodeState.RUNNING || n.sshHost() == null) {
        return "node " + n.id() + " is " + n.state();
      }
      if (c.proxyCommand() == null && !banner(n.sshHost(), n.sshPort())) {
        return "sshd on " + n.sshHost() + ":" + n.sshPort() + " does not answer yet";
      }
    }
    return null;
  }

  static boolean banner(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 3000);
      s.setSoTimeout(3000);
      InputStream in = s.getInputStream();
      byte[] b = in.readNBytes(4);
      return new String(b, java.nio.charset.StandardCharsets.US_ASCII).equals("SSH-");
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long ms) throws ProvisionException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisionException.InvalidRequest("interrupted while waiting for SSH");
    }
  }
}
