package dev.sky4j.jobs;

import dev.sky4j.api.ApiServer;
import dev.sky4j.api.ApiToken;
import dev.sky4j.api.JobRoutes;
import dev.sky4j.client.SkyClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Timed benchmark for managed jobs (run by bench/managed-jobs.sh, not by the test suite; prints
 * a markdown table). (1) Preemption to RUNNING again on the local cloud with the default 1 s poll,
 * against the same controller run with SkyPilot's 15 s poll as the baseline. (2) 200 managed
 * jobs held by one server (run with -Xmx256m): heap in use and the time of a full
 * {@code GET /api/v1/jobs} over HTTP.
 */
public final class ManagedJobsBench {
  public static void main(String[] args) throws Exception {
    double ours = medianRecovery(JobsConfig.fromEnvironment().withPollMillis(1000), 5);
    double skypilotPoll = medianRecovery(JobsConfig.fromEnvironment().withPollMillis(15_000), 5);
    System.out.println("| figure | sky4j | baseline | ratio |");
    System.out.println("|---|---|---|---|");
    System.out.printf("| preemption → RUNNING again, median (s) | %.2f (1 s poll, n=5) | %.2f "
        + "(SkyPilot's 15 s poll, n=5) | %.1fx faster |%n", ours, skypilotPoll, skypilotPoll / ours);
    held(200);
  }

  private static double medianRecovery(JobsConfig cfg, int n) throws Exception {
    List<Double> secs = new ArrayList<>();
    try (JobsWorld w = new JobsWorld("", cfg)) {
      long id = w.launch("bench", "resources:\n  infra: local\n  use_spot: true\nrun: sleep 900\n",
          null).id();
      ManagedJobRow r = w.awaitStatus(id, ManagedJobStatus.RUNNING, 120);
      for (int i = 1; i <= n; i++) {
        // a random phase against the poll, as a real preemption has
        Thread.sleep((long) (Math.random() * cfg.pollMillis()));
        long t0 = System.nanoTime();
        w.local.preempt(r.cluster(), null);
        int k = i;
        r = w.await(id, x -> x.status() == ManagedJobStatus.RUNNING && x.recoveries() == k, 120);
        secs.add((System.nanoTime() - t0) / 1e9);
      }
      w.jobs.cancel(List.of(id), null, false);
      w.awaitStatus(id, ManagedJobStatus.CANCELLED, 60);
    }
    Collections.sort(secs);
    return secs.get(secs.size() / 2);
  }

  /**
   * Jobs held PENDING: no zone has capacity and the retry gap is SkyPilot's 60 s, so each job
   * made one real (failed) launch attempt and now waits in backoff, as jobs queued behind a
   * capacity shortage do.
   */
  private static void held(int n) throws Exception {
    String none = "region-a.zone-1.nodes=0\nregion-a.zone-2.nodes=0\nregion-b.zone-1.nodes=0\n"
        + "region-b.zone-2.nodes=0\n";
    JobsConfig cfg = new JobsConfig(1000, 10_000, 60_000, 500, 240, 3, 4);
    try (JobsWorld w = new JobsWorld(none, cfg)) {
      for (int i = 0; i < n; i++) {
        w.launch("held-" + i, "resources:\n  infra: local\n  use_spot: true\nrun: sleep 900\n", null);
      }
      long deadline = System.currentTimeMillis() + 120_000;
      while (w.jobs.list().stream().anyMatch(r -> r.status() != ManagedJobStatus.PENDING
          || r.launchAttempts() == 0) && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      ApiServer api = new ApiServer(w.sky, "bench", ApiToken.fixed("bench-token")).with(new JobRoutes(w.jobs)::register)
          .start("127.0.0.1", 0);
      try {
        SkyClient c = new SkyClient("http://127.0.0.1:" + api.port(), "bench-token");
        for (int i = 0; i < 5; i++) {
          c.managedJobs();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
          long t0 = System.nanoTime();
          int size = c.managedJobs().size();
          ms.add((System.nanoTime() - t0) / 1e6);
          if (size != n) {
            throw new AssertionError("queue lists " + size + " jobs, not " + n);
          }
        }
        Collections.sort(ms);
        System.gc();
        Thread.sleep(200);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
        long threads = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("jobs-")).count();
        System.out.printf("| %d managed jobs held (PENDING after one failed launch each): heap "
            + "in use after GC, whole server | %d MiB (max heap %d MiB) | 256 MiB budget | %.0f%% "
            + "of budget |%n", n, used, rt.maxMemory() >> 20, used * 100.0 / 256);
        System.out.printf("| GET /api/v1/jobs with %d jobs, median of 21 (ms) | %.1f | 300 ms "
            + "budget | %.0fx under |%n", n, ms.get(10), 300 / ms.get(10));
        System.out.printf("| controller threads for %d jobs | %d | %d (a thread per job) | |%n",
            n, threads, n);
      } finally {
        api.stop();
      }
    }
  }
}
