package dev.sky4j.provision.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.engine.AgentClient;
import dev.sky4j.engine.SshClusterAccess;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.ssh.CommandRunner;
import dev.sky4j.ssh.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An agent call through the SSH tunnel while its node dies under it, on real local-cloud nodes
 * and real sshj: the call is a teardown whose hook would run for an hour, so only a detected
 * transport death can end it. A frozen node (SIGSTOP: no reset, no answer, as a dropped network
 * looks) is found dead by the keep-alive; a transport that dies outright cuts the tunnel at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentTunnelFaultsTest {
  private LocalCloudFixture cloud;

  @BeforeAll
  void cloud() throws Exception {
    cloud = new LocalCloudFixture("");
  }

  @AfterAll
  void close() throws Exception {
    cloud.close();
  }

  private Path home(String cluster) {
    return cloud.paths.localCloudDir().resolve(cluster).resolve("node-0");
  }

  private static List<Map<String, Object>> hourLongDownHook() {
    return List.of(Map.of("run", "echo hook-started; sleep 3604", "events", List.of("down"),
        "timeoutSeconds", 3600));
  }

  private void awaitHookStarted(String cluster) throws Exception {
    Path log = home(cluster).resolve("sky_logs/hooks/down.log");
    long deadline = System.currentTimeMillis() + 10_000;
    while (!(Files.exists(log) && Files.readString(log).contains("hook-started"))) {
      assertThat(System.currentTimeMillis()).as("the down hook started").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static void signal(ProcessHandle p, String sig) throws Exception {
    new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).inheritIO().start().waitFor();
  }

  @Test
  void aFrozenNodeFailsTheCallWithinSecondsAndTheNextCallReconnects() throws Exception {
    ClusterInfo info = cloud.launch("frozen", 1, false);
    SshClusterAccess access = new SshClusterAccess(cloud.paths);
    AgentClient agent = access.agent(info);
    agent.setHooks(hourLongDownHook());
    CompletableFuture<Map<String, Object>> call = CompletableFuture.supplyAsync(() -> {
      try {
        return agent.teardown("down");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    awaitHookStarted("frozen");
    ProcessHandle node = NodeProcess.find(home("frozen")).orElseThrow();
    signal(node, "STOP");
    long t0 = System.nanoTime();
    try {
      assertThat(call).as("the call through a silent tunnel fails within seconds")
          .failsWithin(20, TimeUnit.SECONDS);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(ms).as("noticed by the keep-alive (2 s, 3 misses)").isLessThan(15_000);
    } finally {
      signal(node, "CONT");
    }
    // the node answers again: the next call opens a fresh tunnel instead of using the cut one
    assertThat(access.agent(info).jobs()).isEmpty();
    access.forget("frozen");
  }

  @Test
  void aTransportThatDiesCutsTheCallsInItsTunnelAtOnce() throws Exception {
    ClusterInfo info = cloud.launch("cut", 1, false);
    var head = info.head();
    try (CommandRunner runner = new CommandRunner(new SshTarget(head.sshHost(), head.sshPort(),
        info.sshUser(), info.privateKey()))) {
      CommandRunner.Tunnel tunnel = runner.forward(head.internalIp(), head.agentPort());
      HttpJsonClient http = new HttpJsonClient("127.0.0.1", tunnel.localPort(),
          dev.sky4j.agent.http.AgentSecret.read(cloud.paths.agentSecretsDir().resolve("cut")));
      http.post("/hooks", Map.of("hooks", hourLongDownHook()));
      CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> {
        try {
          return http.post("/teardown", Map.of("event", "down"), 6 * 3600 * 1000);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      awaitHookStarted("cut");
      long t0 = System.nanoTime();
      runner.disconnectForTest();
      ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
          ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
      assertThat(failed.getCause()).isInstanceOf(java.io.UncheckedIOException.class);
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
      assertThat(tunnel.isOpen()).as("a cut tunnel stays closed").isFalse();
    }
  }

  /** Live threads forwarding some tunnel of this JVM (CommandRunner names them ssh-forward-PORT). */
  private static long forwardThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("ssh-forward-")).count();
  }

  @Test
  void aClosedOrCutTunnelEndsItsForwardingThreadInsteadOfSpinning() throws Exception {
    ClusterInfo info = cloud.launch("spin", 1, false);
    var head = info.head();
    try (CommandRunner runner = new CommandRunner(new SshTarget(head.sshHost(), head.sshPort(),
        info.sshUser(), info.privateKey()))) {
      long before = forwardThreads();
      CommandRunner.Tunnel closed = runner.forward(head.internalIp(), head.agentPort());
      CommandRunner.Tunnel cut = runner.forward(head.internalIp(), head.agentPort());
      assertThat(forwardThreads()).isEqualTo(before + 2);
      closed.close();
      runner.disconnectForTest(); // the transport dies: the other tunnel is cut
      long deadline = System.currentTimeMillis() + 3_000;
      while (forwardThreads() > before && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(forwardThreads()).as("forwarding threads left looping on a closed listener")
          .isEqualTo(before);
      assertThat(cut.isOpen()).isFalse();
    }
  }
}
