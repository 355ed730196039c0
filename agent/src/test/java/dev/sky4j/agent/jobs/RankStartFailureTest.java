package dev.sky4j.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.agent.NodeConfig;
import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.agent.http.RemoteRank;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-node job whose second rank cannot start (its worker's agent is gone): the head's queue
 * with a real rank process on this node and a real HTTP call to a worker address that refuses.
 * The rank already running must be killed before the job's GPU slots go to the next job.
 */
class RankStartFailureTest {
  /** Unique in the process table: only this test's rank runs it. */
  private static final String MARKER = "sleep 3007";

  @TempDir Path home;

  @AfterEach
  void killLeftovers() {
    rankProcesses().forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void laterRankFailingToStartKillsTheEarlierOnesBeforeFreeingSlots() throws Exception {
    int deadWorker;
    try (ServerSocket s = new ServerSocket(0)) {
      deadWorker = s.getLocalPort(); // closed again: nothing listens there now
    }
    NodeConfig cfg = new NodeConfig("c", "node-0", 0, "127.0.0.1", 0, 0, home.resolve("keys"),
        "local", "r", "z", List.of("0", "1"), "T4", true, 4,
        List.of("127.0.0.1:1", "127.0.0.1:" + deadWorker), "u", false, 0);
    RankRegistry ranks = new RankRegistry(home, home, cfg.gpuDevices());
    RankLauncher launcher = (node, jobId, phase, rank, script, env, slots, workdir) -> node == 0
        ? RankHandle.local(ranks.start(jobId, phase, rank, script, env, slots, workdir))
        : RemoteRank.start(new HttpJsonClient("127.0.0.1", deadWorker, dev.sky4j.agent.http.AgentSecret.generate()), jobId, phase, rank,
            script, env, slots, workdir);
    JobQueue queue = new JobQueue(cfg, home, launcher);

    Job two = queue.submit(new JobSpec("two", null, "exec " + MARKER, 2, 2, 0.5, Map.of(),
        Map.of(), null, "u", null));
    awaitTerminal(two);
    assertThat(two.state()).isEqualTo(JobState.FAILED);
    assertThat(rankProcesses()).as("rank 0 was killed when rank 1 could not start").isEmpty();

    // its two GPUs on the head are free again, and the next job gets them
    Job next = queue.submit(new JobSpec("next", null, "echo ok", 1, 2, 0.5, Map.of(), Map.of(),
        null, "u", null));
    awaitTerminal(next);
    assertThat(next.state()).as(String.valueOf(next.message())).isEqualTo(JobState.SUCCEEDED);
  }

  private static void awaitTerminal(Job job) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!job.state().terminal() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(job.state().terminal()).as("job " + job.id() + " ended").isTrue();
  }

  private static List<ProcessHandle> rankProcesses() {
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(c -> c.contains(MARKER)).orElse(false)).toList();
  }
}
