package dev.sky4j.agent.jobs;

import dev.sky4j.agent.NodeConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives one scheduled job through setup and run on every node it was given. Ranks fail
 * together: the first rank that exits non-zero (or a cancel) kills all the others.
 */
final class JobRunner {
  private final Job job;
  private final SlotPool.Allocation alloc;
  private final NodeConfig cluster;
  private final List<String> ips;
  private final RankLauncher launcher;
  private final JobQueue queue;
  private final List<RankHandle> current = new ArrayList<>();
  /** The exit code recorded for a rank whose node stopped answering. */
  static final int LOST = 255;

  JobRunner(Job job, SlotPool.Allocation alloc, NodeConfig cluster, List<String> ips,
      RankLauncher launcher, JobQueue queue) {
    this.job = job;
    this.alloc = alloc;
    this.cluster = cluster;
    this.ips = ips;
    this.launcher = launcher;
    this.queue = queue;
  }

  void run() {
    JobSpec spec = job.spec();
    String taskId = JobEnv.taskId(spec, job.id(), cluster.cluster(), System.currentTimeMillis());
    try (JobLog log = new JobLog(job.log())) {
      if (spec.setup() != null && !spec.setup().isBlank()) {
        queue.transition(job, JobState.SETTING_UP, null);
        Failure f = phase("setup", spec.setup(), true, taskId, log);
        if (job.cancelRequested()) {
          queue.transition(job, JobState.CANCELLED, "cancelled during setup");
          return;
        }
        if (f != null) {
          job.exitCode(f.code());
          queue.transition(job, JobState.FAILED_SETUP, f.describe("setup"));
          return;
        }
      }
      if (job.cancelRequested()) {
        queue.transition(job, JobState.CANCELLED, "cancelled");
        return;
      }
      queue.transition(job, JobState.RUNNING, null);
      Failure f = phase("run", spec.run() == null ? "" : spec.run(), false, taskId, log);
      if (job.cancelRequested()) {
        queue.transition(job, JobState.CANCELLED, "cancelled while running");
      } else if (f != null) {
        job.exitCode(f.code());
        queue.transition(job, JobState.FAILED, f.describe("run"));
      } else {
        job.exitCode(0);
        queue.transition(job, JobState.SUCCEEDED, null);
      }
    } catch (Exception e) {
      queue.transition(job, JobState.FAILED, "the agent could not run the job: " + e.getMessage());
    } finally {
      queue.finished(job, alloc);
    }
  }

  void cancel() {
    List<RankHandle> handles;
    synchronized (current) {
      handles = List.copyOf(current);
    }
    handles.parallelStream().forEach(RankHandle::kill);
  }

  /** Kills the ranks and waits (bounded) until they have exited, so their slots are really free. */
  private static void killAndWait(List<RankHandle> handles) {
    handles.parallelStream().forEach(RankHandle::kill);
    handles.parallelStream().forEach(h -> {
      try {
        h.awaitExit(KILL_WAIT_MILLIS);
      } catch (IOException | InterruptedException e) {
        // a worker that no longer answers took its processes with it
      }
    });
  }

  static final long KILL_WAIT_MILLIS = 10_000;

  private record Failure(int rank, int code) {
    String describe(String phase) {
      return phase + " failed on rank " + rank + " (exit code " + code + ")";
    }
  }

  private Failure phase(String phase, String script, boolean setup, String taskId, JobLog log)
      throws Exception {
    int n = alloc.nodes().size();
    List<RankHandle> handles = new ArrayList<>();
    synchronized (current) {
      current.clear();
      if (job.cancelRequested()) {
        return null;
      }
      try {
        for (int r = 0; r < n; r++) {
          Map<String, String> env = JobEnv.forRank(job.spec(), job.id(), taskId, r, ips, setup, cluster);
          RankHandle h = launcher.start(alloc.nodes().get(r), job.id(), phase, r, script, env,
              alloc.gpuSlots().get(r), job.spec().workdir());
          handles.add(h);
          current.add(h); // tracked as it starts: a cancel now reaches it
        }
      } catch (IOException | RuntimeException e) {
        // a later rank could not start: the ones already running must not keep running on
        // slots that are about to be given to the next job
        log.line("(rank " + handles.size() + " did not start: " + e.getMessage()
            + "; stopping the " + handles.size() + " rank(s) already running)");
        killAndWait(handles);
        throw e;
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(2 * n, r -> {
      Thread t = new Thread(r, "job-" + job.id() + "-" + phase);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> copies = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        RankHandle h = handles.get(r);
        String prefix = n > 1 ? "(" + (r == 0 ? "head" : "worker" + r) + ", rank=" + r + ", ip="
            + ips.get(r) + ") " : "";
        copies.add(pool.submit(() -> {
          try (OutputStream out = log.rankStream(prefix)) {
            h.follow(out);
          }
          return null;
        }));
      }
      ExecutorCompletionService<int[]> waits = new ExecutorCompletionService<>(pool);
      for (int r = 0; r < n; r++) {
        int rank = r;
        waits.submit(() -> {
          try {
            return new int[] {rank, handles.get(rank).await()};
          } catch (IOException e) {
            // the rank's node is unreachable (preempted, stopped): count it as failed
            log.line("(lost rank " + rank + ": " + e.getMessage() + ")");
            return new int[] {rank, LOST};
          }
        });
      }
      Failure first = null;
      for (int i = 0; i < n; i++) {
        int[] done = waits.take().get();
        if (done[1] != 0 && first == null) {
          first = new Failure(done[0], done[1]);
          handles.parallelStream().forEach(RankHandle::kill);
        }
      }
      for (Future<?> c : copies) {
        try {
          c.get();
        } catch (Exception e) {
          log.line("(log of one rank is incomplete: " + e.getMessage() + ")");
        }
      }
      return first;
    } finally {
      pool.shutdownNow();
    }
  }
}
