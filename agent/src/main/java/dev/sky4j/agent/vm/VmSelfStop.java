package dev.sky4j.agent.vm;

import dev.sky4j.agent.autostop.SelfStop;
import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.agent.http.HttpJsonClient;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Autostop on VMs: the head asks every worker's agent to power its machine off
 * ({@code POST /shutdown}), then powers itself off. Stop or terminate is the instance's
 * instance-initiated shutdown behaviour, set by the provider (terminate for {@code --down}), so
 * {@code down} here changes nothing on the node. A worker that does not answer is already down.
 */
public final class VmSelfStop implements SelfStop {
  private final List<String> workerPeers;
  private final AgentSecret secret;
  private final VmShutdown shutdown;

  public VmSelfStop(List<String> workerPeers, AgentSecret secret, VmShutdown shutdown) {
    this.workerPeers = List.copyOf(workerPeers);
    this.secret = secret;
    this.shutdown = shutdown;
  }

  @Override
  public void stopCluster(boolean down) throws IOException {
    for (String peer : workerPeers) {
      try {
        HttpJsonClient.peer(peer, secret).post("/shutdown", Map.of("down", down));
      } catch (IOException | RuntimeException e) {
        System.err.println(Instant.now() + " vm: worker " + peer + " did not take the shutdown ("
            + e.getMessage() + "); it is taken as down");
      }
    }
    shutdown.now();
  }
}
