package dev.sky4j.provision.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.agent.jobs.JobSpec;
import dev.sky4j.provision.NodeState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lifecycle hooks outside autostop, on real local-cloud nodes: a preemption notice runs the
 * reclaimed node's {@code preemption} hooks, cut at the notice window, before the kill; one
 * teardown per node (a compare-and-set: stop, down or preemption, whichever comes first); and a
 * job sent while autostop is stopping the cluster is refused rather than accepted to die.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeardownHooksLocalTest {
  private LocalCloudFixture cloud;

  @BeforeAll
  void cloud() throws Exception {
    cloud = new LocalCloudFixture("preemption.notice-seconds=1\n");
  }

  @AfterAll
  void close() throws Exception {
    cloud.close();
  }

  private void launch(String name, int nodes) throws Exception {
    cloud.launch(name, nodes, true);
  }

  private Path home(String cluster, int rank) {
    return cloud.paths.localCloudDir().resolve(cluster).resolve("node-" + rank);
  }

  private HttpJsonClient agent(String cluster, int rank) throws Exception {
    return LocalCloudFixture.agentOf(home(cluster, rank));
  }

  private static Map<String, Object> hook(String run, String event, int timeout) {
    return Map.of("run", run, "events", List.of(event), "timeoutSeconds", timeout);
  }

  @Test
  void aPreemptionNoticeRunsTheWorkersPreemptionHooksCutAtTheWindowThenKillsIt() throws Exception {
    launch("pre", 2);
    // set on the head, as the server does; the head hands them to its worker
    agent("pre", 0).post("/hooks", Map.of("hooks", List.of(
        hook("echo saving-checkpoint-on-$SKY4J_HOOK_EVENT; sleep 30", "preemption", 60),
        hook("echo stop-hook-ran", "stop", 60))));

    long t0 = System.nanoTime();
    cloud.provider.preempt("pre", 1);
    long ms = (System.nanoTime() - t0) / 1_000_000;

    Path log = home("pre", 1).resolve("sky_logs/hooks/preemption.log");
    assertThat(log).as("the worker ran its preemption hook").content()
        .contains("saving-checkpoint-on-preemption", "by the notice window", "killed")
        .containsPattern("cut at (9\\d\\d|1000) ms");
    assertThat(ms).as("the 60 s hook is cut at the 1 s notice window, then the node dies")
        .isBetween(900L, 6000L);
    assertThat(home("pre", 1).resolve("sky_logs/hooks/stop.log")).as("only the preemption hooks")
        .doesNotExist();
    assertThat(cloud.provider.queryInstances("pre")).containsEntry("node-1", NodeState.TERMINATED)
        .containsEntry("node-0", NodeState.RUNNING);
  }

  @Test
  @SuppressWarnings("unchecked")
  void onlyTheFirstTeardownRunsItsHooks() throws Exception {
    launch("cas", 1);
    HttpJsonClient head = agent("cas", 0);
    head.post("/hooks", Map.of("hooks", List.of(
        hook("echo stop-hook-ran", "stop", 10),
        hook("echo down-hook-ran", "down", 10),
        hook("echo preemption-hook-ran", "preemption", 10))));

    Map<String, Object> stop = (Map<String, Object>) head.post("/teardown", Map.of("event", "stop"));
    assertThat(stop).containsEntry("claimed", true).containsEntry("outcomes", List.of("exit 0"));
    assertThat((String) stop.get("output")).contains("stop-hook-ran");

    Map<String, Object> down = (Map<String, Object>) head.post("/teardown", Map.of("event", "down"));
    assertThat(down).containsEntry("claimed", false).containsEntry("claimedBy", "stop");
    cloud.provider.preempt("cas", 0);
    assertThat(home("cas", 0).resolve("sky_logs/hooks/down.log")).doesNotExist();
    assertThat(home("cas", 0).resolve("sky_logs/hooks/preemption.log")).as("stop claimed it first")
        .doesNotExist();
    assertThat(cloud.provider.queryInstances("cas")).containsEntry("node-0", NodeState.TERMINATED);
  }

  @Test
  void aJobSentWhileAutostoppingIsRefused() throws Exception {
    launch("late", 1);
    HttpJsonClient head = agent("late", 0);
    head.post("/hooks", Map.of("hooks", List.of(hook("sleep 4", "stop", 10))));
    head.post("/autostop", Map.of("idleSeconds", 1, "waitFor", "jobs"));
    long deadline = System.currentTimeMillis() + 10_000;
    while (!autostopping(head) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(autostopping(head)).as("autostop fired and runs its 4 s stop hook").isTrue();
    assertThatThrownBy(() -> head.post("/jobs", JobSpec.of("echo too-late").toWireJson()))
        .hasMessageContaining("HTTP 409").hasMessageContaining("autostopping");
  }

  @SuppressWarnings("unchecked")
  private static boolean autostopping(HttpJsonClient head) {
    try {
      return Boolean.TRUE.equals(((Map<String, Object>) head.get("/autostop")).get("autostopping"));
    } catch (Exception e) {
      return false;
    }
  }
}
