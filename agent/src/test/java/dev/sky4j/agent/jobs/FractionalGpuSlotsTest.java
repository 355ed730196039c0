package dev.sky4j.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.agent.NodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fractional GPU jobs ({@code accelerators: T4:0.5}) on a real head queue with real job
 * processes: two halves share the node's one GPU (same {@code CUDA_VISIBLE_DEVICES}), a third
 * waits until one of them ends, and a whole-GPU job waits behind the fractions.
 */
class FractionalGpuSlotsTest {
  @TempDir
  Path home;
  private RankRegistry ranks;

  /** Each job records its GPU and waits for its own release file. */
  private static final String RUN = "echo \"$CUDA_VISIBLE_DEVICES\" > gpu-$SKYPILOT_INTERNAL_JOB_ID;"
      + " while [ ! -e release-$SKYPILOT_INTERNAL_JOB_ID ]; do sleep 0.05; done";

  private JobQueue queue() {
    // one node whose only GPU is device 5: the slot index must map to the device id
    NodeConfig node = new NodeConfig("frac", "node-0", 0, "127.0.0.1", 0, 0, home.resolve("keys"),
        "local", "region-a", "zone-1", List.of("5"), "T4", true, 8, List.of("127.0.0.1:0"), "alice",
        false, 0);
    ranks = new RankRegistry(home, NodeConfig.agentDir(home), node.gpuDevices());
    RankLauncher local = (n, jobId, phase, rank, script, env, slots, workdir) ->
        RankHandle.local(ranks.start(jobId, phase, rank, script, env, slots, workdir));
    return new JobQueue(node, home, local);
  }

  private static JobSpec job(double gpus) {
    return new JobSpec("half", null, RUN, 1, gpus, JobSpec.DEFAULT_CPUS, Map.of(), Map.of(), null,
        "alice", null);
  }

  @AfterEach
  void killLeftovers() {
    if (ranks != null) {
      ranks.killAll();
    }
  }

  @Test
  void twoHalvesShareTheGpuAndAThirdWaits() throws Exception {
    JobQueue q = queue();
    Job a = q.submit(job(0.5));
    Job b = q.submit(job(0.5));
    Job c = q.submit(job(0.5));
    awaitState(a, JobState.RUNNING);
    awaitState(b, JobState.RUNNING);
    assertThat(gpuOf(a)).isEqualTo("5");
    assertThat(gpuOf(b)).isEqualTo("5");
    Thread.sleep(500);
    assertThat(c.state()).as("a third half does not fit on one GPU").isEqualTo(JobState.PENDING);
    assertThat(home.resolve("gpu-" + c.id())).doesNotExist();

    Files.createFile(home.resolve("release-" + a.id()));
    awaitState(a, JobState.SUCCEEDED);
    awaitState(c, JobState.RUNNING);
    assertThat(gpuOf(c)).isEqualTo("5");
    assertThat(b.state()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void aWholeGpuJobWaitsBehindAFractionThenGetsTheDevice() throws Exception {
    JobQueue q = queue();
    Job quarter = q.submit(job(0.25));
    Job whole = q.submit(job(1));
    awaitState(quarter, JobState.RUNNING);
    Thread.sleep(500);
    assertThat(whole.state()).isEqualTo(JobState.PENDING);
    Files.createFile(home.resolve("release-" + quarter.id()));
    awaitState(whole, JobState.RUNNING);
    assertThat(gpuOf(whole)).isEqualTo("5");
    Files.createFile(home.resolve("release-" + whole.id()));
    awaitState(whole, JobState.SUCCEEDED);
  }

  private String gpuOf(Job j) throws Exception {
    Path f = home.resolve("gpu-" + j.id());
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(f) && !Files.readString(f).isBlank()) {
        return Files.readString(f).trim();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("job " + j.id() + " never wrote " + f);
  }

  private static void awaitState(Job j, JobState want) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (j.state() != want && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(j.state()).as("job %d (%s)", j.id(), j.message()).isEqualTo(want);
  }
}
