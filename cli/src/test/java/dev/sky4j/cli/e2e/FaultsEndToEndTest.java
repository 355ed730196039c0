package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command hangs whatever a node does: a head SIGKILLed while {@code sky down} waits for its
 * hour-long down hook, or while autostop runs its stop hook, and a {@code sky stop} whose hook
 * runs for an hour, through the real CLI, a real API server process and local-cloud nodes. Each
 * command must end within 30 s, and what {@code sky status} says must be what the provider says.
 */
class FaultsEndToEndTest {
  private static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir Path tmp;

  private CliProcess fixture(String hookRun, String events) throws Exception {
    assertTrue(CliProcess.serverJarBuilt(), "build the jars first (mvn -B -o package -DskipTests)");
    Files.writeString(tmp.resolve("task.yaml"), """
        resources:
          cpus: 1+
        config:
          hooks:
            - run: echo hook-started; %s
              events: [%s]
              timeout: 3600
        run: echo hello
        """.formatted(hookRun, events));
    Files.writeString(tmp.resolve("plain.yaml"), "run: echo plain\n");
    CliProcess sky = new CliProcess(tmp);
    sky.extraEnv.put("SKY4J_AUTOSTOP_SECONDS_PER_MINUTE", "2");
    return sky;
  }

  private Path headHome(CliProcess sky, String cluster) {
    return sky.home.resolve("local").resolve(cluster).resolve("node-0");
  }

  private void awaitHookStarted(CliProcess sky, String cluster, String event) throws Exception {
    Path log = headHome(sky, cluster).resolve("sky_logs/hooks/" + event + ".log");
    long deadline = System.currentTimeMillis() + 20_000;
    while (!(Files.exists(log) && Files.readString(log).contains("hook-started"))) {
      assertThat(System.currentTimeMillis()).as("the " + event + " hook started").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private void killHead(CliProcess sky, String cluster) throws Exception {
    long pid = Long.parseLong(Files.readString(headHome(sky, cluster)
        .resolve(".sky4j-agent/node.pid")).trim());
    ProcessHandle h = ProcessHandle.of(pid).orElseThrow();
    h.destroyForcibly();
    h.onExit().get();
  }

  /** A command that must end within {@link #BOUND}, timed. */
  private CliProcess.Result bounded(CliProcess sky, String... args) throws Exception {
    long t0 = System.nanoTime();
    CliProcess.Result r = sky.start(tmp, args).await(BOUND);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("sky " + String.join(" ", args))
        .isLessThan(BOUND);
    return r;
  }

  private static List<ProcessHandle> running(String marker) {
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
  }

  @Test
  void headKilledWhileDownWaitsForItsHookEndsTheDownAndLeavesNothing() throws Exception {
    try (CliProcess sky = fixture("sleep 3611", "down")) {
      assertThat(sky.sky(tmp, "launch", "-c", "kd", "task.yaml").code()).isZero();
      CliProcess.Running down = sky.start(tmp, "down", "kd", "-y");
      awaitHookStarted(sky, "kd", "down");
      killHead(sky, "kd");
      CliProcess.Result r = down.await(BOUND);
      assertThat(r.code()).as(r.all()).isZero();
      assertThat(r.out()).contains("Could not run the down hooks of kd").contains("terminated");
      assertThat(bounded(sky, "status").out()).doesNotContain("kd ");
      assertThat(sky.providerClusters()).doesNotContain("kd");
      assertThat(running("sleep 3611")).as("the hook died with its node").isEmpty();
      assertThat(sky.nodeProcesses()).isEmpty();
    }
  }

  @Test
  void headKilledDuringAutostopShowsAsGoneAndDownAllStillEnds() throws Exception {
    try (CliProcess sky = fixture("sleep 3612", "stop")) {
      assertThat(sky.sky(tmp, "launch", "-c", "other", "plain.yaml").code()).isZero();
      assertThat(sky.sky(tmp, "launch", "-c", "ka", "-i", "1", "task.yaml").code()).isZero();
      awaitHookStarted(sky, "ka", "stop");
      killHead(sky, "ka");
      // a plain status (no -r) asks the provider for a cluster with autostop: not UP any more
      String status = bounded(sky, "status").out();
      assertThat(status).containsPattern("ka .*INIT").doesNotContainPattern("ka .*(UP|AUTOSTOPPING)");
      assertThat(status).contains("all nodes are gone");
      CliProcess.Result downAll = bounded(sky, "down", "-a", "-y");
      assertThat(downAll.code()).as(downAll.all()).isZero();
      assertThat(bounded(sky, "status").out()).doesNotContain("ka ").doesNotContain("other ");
      assertThat(sky.providerClusters()).isEmpty();
      assertThat(running("sleep 3612")).as("autostop's hook died with its node").isEmpty();
      assertThat(sky.nodeProcesses()).isEmpty();
    }
  }

  @Test
  void anHourLongStopHookHoldsNeitherTheServerNorTheCluster() throws Exception {
    try (CliProcess sky = fixture("sleep 3613", "stop")) {
      assertThat(sky.sky(tmp, "launch", "-c", "ks", "task.yaml").code()).isZero();
      CliProcess.Running stop = sky.start(tmp, "stop", "ks", "-y");
      awaitHookStarted(sky, "ks", "stop");
      long t0 = System.nanoTime();
      CliProcess.Result status = bounded(sky, "status");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("status while the hook runs")
          .isLessThan(Duration.ofSeconds(10));
      assertThat(status.out()).contains("ks ");
      // the stop does not keep the cluster locked for its hour: a down goes through now
      CliProcess.Result down = bounded(sky, "down", "ks", "-y");
      assertThat(down.code()).as(down.all()).isZero();
      assertThat(down.out()).contains("already being torn down (stop)");
      CliProcess.Result stopped = stop.await(BOUND);
      assertThat(stopped.all()).contains("was torn down while its stop hooks ran");
      assertThat(sky.providerClusters()).doesNotContain("ks");
      assertThat(running("sleep 3613")).isEmpty();
    }
  }
}
