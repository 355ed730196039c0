package dev.sky4j.provision.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.agent.jobs.JobSpec;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeInfo;
import dev.sky4j.provision.NodeState;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Autostop decided by the head node itself, on real local-cloud nodes (separate processes, real
 * SSH, the real OpenSSH client for the port forward), with idle times of a few seconds. The test
 * talks to the head agent on its node address; nothing here is a fake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutostopLocalTest {
  private LocalCloudFixture cloud;

  @BeforeAll
  void cloud() throws Exception {
    cloud = new LocalCloudFixture("");
  }

  @AfterAll
  void close() throws Exception {
    cloud.close();
  }

  private ClusterInfo launch(String name, int nodes) throws Exception {
    return cloud.launch(name, nodes, false);
  }

  private HttpJsonClient agent(String cluster, int rank) throws Exception {
    return LocalCloudFixture.agentOf(cloud.paths.localCloudDir().resolve(cluster).resolve("node-" + rank));
  }

  private Map<String, NodeState> states(String cluster) {
    return cloud.provider.queryInstances(cluster);
  }

  private boolean allStopped(String cluster) {
    Map<String, NodeState> s = states(cluster);
    return !s.isEmpty() && s.values().stream().allMatch(x -> x == NodeState.STOPPED);
  }

  private static void waitUntil(String what, long millis, java.util.function.BooleanSupplier ok)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!ok.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(100);
    }
  }

  @Test
  void aRunningJobKeepsTheClusterUpAndItStopsOnceIdleKeepingItsDisk() throws Exception {
    launch("busy", 1);
    HttpJsonClient head = agent("busy", 0);
    head.post("/jobs", JobSpec.of("echo on-disk > kept.txt; sleep 4").toWireJson());
    head.post("/autostop", Map.of("idleSeconds", 1, "waitFor", "jobs"));
    Thread.sleep(3000);
    assertThat(states("busy")).as("a live job keeps the node up past the idle time")
        .containsEntry("node-0", NodeState.RUNNING);
    waitUntil("busy stopped after its job ended", 15_000, () -> allStopped("busy"));
    assertThat(cloud.paths.localCloudDir().resolve("busy/node-0/kept.txt")).as("stop keeps the disk")
        .hasContent("on-disk\n");
  }

  @Test
  void aPortForwardOnAWorkerKeepsTheClusterUpUnderJobsAndSshButNotUnderJobs() throws Exception {
    ClusterInfo info = launch("fwd", 2);
    NodeInfo worker = info.workers().get(0);
    int localPort;
    try (ServerSocket s = new ServerSocket(0)) {
      localPort = s.getLocalPort();
    }
    // `ssh -N -L`: no shell, no command, and no channel until something uses the forward
    Process ssh = new ProcessBuilder("ssh", "-N", "-o", "BatchMode=yes",
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
        "-i", info.privateKey().toString(), "-p", Integer.toString(worker.sshPort()),
        "-L", "127.0.0.1:" + localPort + ":127.0.0.1:9", info.sshUser() + "@" + worker.sshHost())
        .redirectErrorStream(true).start();
    try {
      HttpJsonClient w = agent("fwd", 1);
      waitUntil("the worker sees the forward's connection", 10_000, () -> sessions(w) > 0);
      HttpJsonClient head = agent("fwd", 0);
      @SuppressWarnings("unchecked")
      Map<String, Object> idle = (Map<String, Object>) head.get("/idle");
      assertThat(idle.get("idle")).as("the head's /idle counts the worker's session").isEqualTo(false);

      head.post("/autostop", Map.of("idleSeconds", 1, "waitFor", "jobs_and_ssh"));
      Thread.sleep(3000);
      assertThat(states("fwd").values()).as("an open port forward on a worker keeps the cluster up")
          .containsOnly(NodeState.RUNNING);

      head.post("/autostop", Map.of("idleSeconds", 1, "waitFor", "jobs"));
      waitUntil("fwd stopped although the forward is open", 15_000, () -> allStopped("fwd"));
    } finally {
      ssh.destroy();
      ssh.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @SuppressWarnings("unchecked")
  private static int sessions(HttpJsonClient agent) {
    try {
      return ((Number) ((Map<String, Object>) agent.get("/idle?scope=node")).get("sshSessions")).intValue();
    } catch (Exception e) {
      return 0;
    }
  }

  @Test
  void downRunsTheHooksFirstThenDeletesEveryNodeAndHome() throws Exception {
    launch("gone", 2);
    // nodes have their own /tmp: the hooks write where both sides see it (under SKY4J_HOME)
    Path outside = Files.createTempDirectory(cloud.paths.sky4jHome(), "hooks");
    Path workerHome = cloud.paths.localCloudDir().resolve("gone/node-1");
    HttpJsonClient head = agent("gone", 0);
    head.post("/hooks", Map.of("hooks", List.of(
        // over its timeout: killed after 1 s, and the teardown goes on
        Map.of("run", "sleep 30", "events", List.of("down"), "timeoutSeconds", 1),
        Map.of("run", "echo \"event=$SKY4J_HOOK_EVENT worker-home=$(test -d " + workerHome
            + " && echo present)\" > " + outside.resolve("hook.txt"), "events", List.of("down")),
        Map.of("run", "touch " + outside.resolve("stop-only.txt"), "events", List.of("stop")))));
    long start = System.currentTimeMillis();
    head.post("/autostop", Map.of("idleSeconds", 1, "down", true, "waitFor", "none"));
    List<NodeState> seen = new ArrayList<>();
    waitUntil("gone deleted", 20_000, () -> {
      states("gone").values().forEach(seen::add);
      return !Files.exists(cloud.paths.localCloudDir().resolve("gone"));
    });
    assertThat(seen).as("the head reported AUTOSTOPPING while its hooks ran").contains(NodeState.STOPPING);
    assertThat(outside.resolve("hook.txt")).as("the down hook ran while the worker still existed")
        .hasContent("event=down worker-home=present\n");
    assertThat(outside.resolve("stop-only.txt")).as("a stop-only hook does not run on down").doesNotExist();
    assertThat(System.currentTimeMillis() - start).as("the slow hook was cut at its timeout")
        .isLessThan(15_000);
    assertThat(states("gone")).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void cancelKeepsTheClusterUpAndTheSettingSurvivesARestart() throws Exception {
    launch("kept", 1);
    HttpJsonClient head = agent("kept", 0);
    head.post("/autostop", Map.of("idleMinutes", 60, "down", true));
    cloud.provider.stopInstances("kept", false);
    cloud.launch("kept", 1, false);
    Map<String, Object> after = (Map<String, Object>) head.get("/autostop");
    assertThat(after).as("stored on the node's disk").containsEntry("enabled", true)
        .containsEntry("idleSeconds", 3600L).containsEntry("down", true)
        .containsEntry("waitFor", "JOBS_AND_SSH");

    head.post("/autostop", Map.of("idleSeconds", 1, "waitFor", "none"));
    head.post("/autostop", Map.of("idleSeconds", -1));
    Thread.sleep(3000);
    assertThat(states("kept")).containsEntry("node-0", NodeState.RUNNING);
    assertThat((Map<String, Object>) head.get("/autostop")).containsEntry("enabled", false);
  }
}
