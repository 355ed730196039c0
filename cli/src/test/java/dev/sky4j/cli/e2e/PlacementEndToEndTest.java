package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sky4j.testing.Prerequisites.require;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a launch lands, through the real CLI, a real server and local-cloud nodes: failover past
 * zones without capacity, and a 2-node cluster whose ranks both see the task's envs.
 */
class PlacementEndToEndTest {
  @TempDir Path tmp;

  @Test
  void launchFailsOverPastFullZonesAndSaysSo() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    try (CliProcess sky = new CliProcess(tmp)) {
      // region-a has no room at all: the launch must move on to region-b
      sky.localCloud("region-a.zone-1.nodes=0\nregion-a.zone-2.nodes=0\n");
      var launch = sky.sky(tmp, "launch", "-c", "Fail_Over.1", "--", "echo", "landed");
      assertThat(launch.code()).as(launch.all()).isZero();
      assertThat(launch.out())
          .contains("Provisioning 1x local-cpu in local/region-a (attempt 1)",
              "No capacity in local/region-a: ", ". Trying the next zone/region.", "landed")
          .containsPattern("Provisioning 1x local-cpu in local/region-b(/zone-[12])? \\(attempt 2\\)");
      var status = sky.sky(tmp, "status", "-o", "json");
      assertThat(status.out()).contains("\"name\":\"Fail_Over.1\"", "\"region\":\"region-b\"");
      assertThat(sky.providerClusters()).as("mixed-case names reach the local cloud").containsExactly("Fail_Over.1");
    }
  }

  @Test
  void twoNodeLaunchRunsEveryRankWithTheTaskEnvs() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    Files.writeString(tmp.resolve("two.yaml"), """
        num_nodes: 2
        resources:
          cpus: 1+
        envs:
          GREETING: hi-from-env
        run: |
          echo "rank=$SKYPILOT_NODE_RANK of=$SKYPILOT_NUM_NODES greet=$GREETING"
        """);
    try (CliProcess sky = new CliProcess(tmp)) {
      var launch = sky.sky(tmp, "launch", "-c", "two", "two.yaml");
      assertThat(launch.code()).as(launch.all()).isZero();
      assertThat(launch.out()).contains("rank=0 of=2 greet=hi-from-env", "rank=1 of=2 greet=hi-from-env");
      var logs = sky.sky(tmp, "logs", "two", "1", "--no-follow");
      assertThat(logs.out()).containsPattern("\\(head, rank=0, ip=[0-9.]+\\) rank=0 of=2")
          .containsPattern("\\(worker1, rank=1, ip=[0-9.]+\\) rank=1 of=2");
      assertThat(sky.nodeProcesses()).hasSize(2);
      var failing = sky.sky(tmp, "exec", "two", "--", "exit", "3");
      assertThat(failing.code()).as(failing.all()).isNotZero();
      var queue = sky.sky(tmp, "queue", "two");
      assertThat(queue.out()).as("the queue shows each job's exit code")
          .containsPattern("(?m)^1 .*2x\\[CPU.*SUCCEEDED +0 *$")
          .containsPattern("(?m)^2 .*FAILED +3 *$");
    }
  }
}
