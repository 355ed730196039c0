package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sky4j.testing.Prerequisites.require;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API server is SIGKILLed (no shutdown hook, as a crash or an OOM kill) in the middle of a
 * launch and in the middle of a running job; the next CLI call starts a new one. As documented in
 * docs/server.md: a first launch that never finished is cleaned up, a job keeps running on its
 * cluster and its log is complete, and no node process is left without a cluster record.
 */
class ServerCrashEndToEndTest {
  @TempDir Path tmp;

  @Test
  void killedDuringLaunchTheHalfLaunchedClusterIsCleanedUp() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    try (CliProcess sky = new CliProcess(tmp)) {
      var launch = sky.start(tmp, "launch", "-c", "half", "--", "echo", "never-runs");
      Path clusterDir = sky.home.resolve("local").resolve("half");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!Files.isDirectory(clusterDir) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(clusterDir).as("the launch got as far as creating nodes").isDirectory();
      sky.killServerHard();
      var crashed = launch.await(Duration.ofSeconds(60));
      assertThat(crashed.code()).as("the CLI notices the server is gone").isNotZero();
      assertThat(crashed.all()).doesNotContain("\tat ", "Exception in thread");

      var status = sky.sky(tmp, "status");
      assertThat(status.code()).as(status.all()).isZero();
      assertThat(status.out()).contains("No existing clusters.");
      assertThat(sky.providerClusters()).as("local cloud after restart").isEmpty();
      assertThat(sky.nodeProcesses()).as("orphaned node processes").isEmpty();
      var requests = sky.sky(tmp, "api", "status");
      assertThat(requests.out()).as("the interrupted launch request").containsPattern("launch +half .*FAILED");
    }
  }

  @Test
  void killedDuringAJobTheJobFinishesAndItsLogIsComplete() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    Files.writeString(tmp.resolve("slow.yaml"), """
        resources:
          cpus: 1+
        run: |
          for i in $(seq 1 40); do echo "line-$i"; sleep 0.05; done
          echo all-done
        """);
    try (CliProcess sky = new CliProcess(tmp)) {
      var launch = sky.start(tmp, "launch", "-c", "busy", "slow.yaml");
      assertThat(launch.awaitOutput("line-3", Duration.ofSeconds(120))).as("job started").isTrue();
      sky.killServerHard();
      launch.await(Duration.ofSeconds(60));

      var status = sky.sky(tmp, "status", "-o", "json");
      assertThat(status.out()).contains("\"name\":\"busy\"", "\"status\":\"UP\"");
      var logs = sky.sky(tmp, "logs", "busy", "1");
      assertThat(logs.code()).as(logs.all()).isZero();
      for (int i = 1; i <= 40; i++) {
        assertThat(logs.out()).contains("line-" + i + "\n");
      }
      assertThat(logs.out()).contains("all-done");
      var queue = sky.sky(tmp, "queue", "busy");
      assertThat(queue.out()).containsPattern("(?m)^1 .*SUCCEEDED +0 *$");
      assertThat(sky.providerClusters()).containsExactly("busy");
      assertThat(sky.nodeProcesses()).hasSize(1);
    }
  }
}
