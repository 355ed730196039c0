package dev.sky4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Managed jobs on the local cloud with real node processes: preemption recovery with checkpoint
 * progress, the two recovery strategies, restarts on user errors, cancel while recovering, and a
 * server restart in the middle of a recovery (an in-process restart of the service objects).
 */
class ManagedJobsTest {
  /** Capacity only in region-a/zone-1, so a recovery that blocks region-a has to wait. */
  private static final String ONLY_REGION_A = "region-a.zone-2.nodes=0\nregion-b.zone-1.nodes=0\n"
      + "region-b.zone-2.nodes=0\n";

  /** Counts to {@code steps}, saving progress after every step in the /checkpoint bucket. */
  private static String counting(int steps, double sleep) {
    return """
        resources:
          infra: local
          use_spot: true
        file_mounts:
          /checkpoint:
            name: ckpt
            mode: MOUNT
        run: |
          i=$(cat /checkpoint/step 2>/dev/null || echo 0)
          while [ "$i" -lt %d ]; do
            i=$((i+1))
            echo "step $i task=$SKYPILOT_TASK_ID"
            echo "$i" >> /checkpoint/done
            echo "$i" > /checkpoint/step
            sleep %s
          done
        """.formatted(steps, sleep);
  }

  private static void preempt(JobsWorld w, ManagedJobRow r) throws Exception {
    w.local.preempt(r.cluster(), null);
  }

  @Test
  void aSpotJobPreemptedTwiceSucceedsElsewhereAndKeepsItsCheckpoint() throws Exception {
    try (JobsWorld w = new JobsWorld("", JobsConfig.fast())) {
      long id = w.launch("train", counting(25, 0.25), null).id();
      Path bucket = w.paths.sky4jHome().resolve("buckets/ckpt");
      ManagedJobRow first = w.await(id, r -> r.status() == ManagedJobStatus.RUNNING
          && steps(bucket) >= 4, 60);
      preempt(w, first);
      ManagedJobRow second = w.await(id, r -> r.status() == ManagedJobStatus.RUNNING
          && r.recoveries() == 1 && r.clusterJobId() != null && steps(bucket) >= 10, 60);
      assertThat(second.region()).isNotEqualTo(first.region());
      preempt(w, second);
      ManagedJobRow done = w.awaitStatus(id, ManagedJobStatus.SUCCEEDED, 90);

      assertThat(done.recoveries()).isEqualTo(2);
      List<String> attempts = w.jobs.attempts().get(id);
      assertThat(attempts).hasSize(3);
      assertThat(region(attempts.get(1))).isNotEqualTo(region(attempts.get(0)));
      assertThat(region(attempts.get(2))).isNotEqualTo(region(attempts.get(1)));
      // progress kept: every step ran, none more than twice (checkpoint interval: one step)
      List<Integer> done1 = Arrays.stream(Files.readString(bucket.resolve("done")).split("\n"))
          .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
      for (int s = 1; s <= 25; s++) {
        int step = s;
        assertThat(done1.stream().filter(x -> x == step).count()).as("runs of step " + s)
            .isBetween(1L, 2L);
      }
      // one task id across all attempts, in SkyPilot's managed form
      String log = w.jobLog(id);
      Matcher m = Pattern.compile("task=(\\S+)").matcher(log);
      List<String> ids = new ArrayList<>();
      while (m.find()) {
        ids.add(m.group(1));
      }
      assertThat(ids).isNotEmpty().allMatch(t -> t.equals(done.taskId()));
      assertThat(done.taskId()).startsWith("sky-managed-").endsWith("_train_" + id);
      assertThat(log).contains("step 25").contains("recovery attempt on local/");
      // the cluster is gone, the events tell the story
      assertThat(w.local.clusters()).isEmpty();
      assertThat(w.jobs.events(id)).extracting(JobEvent::status).containsSubsequence(
          ManagedJobStatus.PENDING, ManagedJobStatus.STARTING, ManagedJobStatus.RUNNING,
          ManagedJobStatus.RECOVERING, ManagedJobStatus.RUNNING, ManagedJobStatus.RECOVERING,
          ManagedJobStatus.RUNNING, ManagedJobStatus.SUCCEEDED);
      assertThat(w.jobs.events(id).stream().filter(e -> e.status() == ManagedJobStatus.RECOVERING))
          .allMatch(e -> e.reason().contains("preempted on local/"));
    }
  }

  @Test
  void failoverStaysInTheLostRegionWhileEagerNextRegionLeavesIt() throws Exception {
    // one node per zone: the two jobs fill region-a's two zones, so the choice is visible
    String cloud = "region-a.zone-1.nodes=1\nregion-a.zone-2.nodes=1\n"
        + "region-b.zone-1.nodes=1\nregion-b.zone-2.nodes=1\n";
    String free = """
        resources:
          infra: local
          use_spot: true
        run: sleep 60
        """;
    try (JobsWorld w = new JobsWorld(cloud, JobsConfig.fast())) {
      // the user pinned nothing for these two (infra: local), so the strategy decides
      long f = w.launch("fo", free, "FAILOVER").id();
      ManagedJobRow f1 = w.awaitStatus(f, ManagedJobStatus.RUNNING, 60);
      long e = w.launch("eager", free, null).id();
      ManagedJobRow e1 = w.awaitStatus(e, ManagedJobStatus.RUNNING, 60);
      assertThat(e1.strategy()).isEqualTo(RecoveryStrategy.EAGER_NEXT_REGION);
      preempt(w, f1);
      preempt(w, e1);
      ManagedJobRow f2 = w.await(f, r -> r.status() == ManagedJobStatus.RUNNING
          && r.recoveries() == 1, 60);
      ManagedJobRow e2 = w.await(e, r -> r.status() == ManagedJobStatus.RUNNING
          && r.recoveries() == 1, 60);
      assertThat(f2.region()).as("FAILOVER tries the same region first").isEqualTo(f1.region());
      assertThat(e2.region()).as("EAGER_NEXT_REGION leaves it").isNotEqualTo(e1.region());
      w.jobs.cancel(List.of(), null, true);
      w.awaitStatus(f, ManagedJobStatus.CANCELLED, 30);
      w.awaitStatus(e, ManagedJobStatus.CANCELLED, 30);
      assertThat(w.local.clusters()).isEmpty();
    }
  }

  @Test
  void aUserErrorWithTwoRestartsAllowedRunsThreeTimesThenFails() throws Exception {
    String yaml = """
        resources:
          infra: local
          job_recovery:
            max_restarts_on_errors: 2
        run: |
          echo "attempt on $SKYPILOT_NODE_RANK"
          exit 3
        """;
    try (JobsWorld w = new JobsWorld("", JobsConfig.fast())) {
      long id = w.launch("crashy", yaml, null).id();
      ManagedJobRow end = w.awaitStatus(id, ManagedJobStatus.FAILED, 90);
      assertThat(end.restarts()).isEqualTo(2);
      assertThat(end.recoveries()).isZero();
      assertThat(end.message()).contains("exit code 3").contains("after 2 restart(s)")
          .contains("sky jobs logs --controller " + id);
      assertThat(Pattern.compile("attempt on 0").matcher(w.jobLog(id)).results().count())
          .isEqualTo(3);
      assertThat(w.jobs.events(id).stream().filter(e -> e.status() == ManagedJobStatus.RECOVERING)
          .map(JobEvent::reason)).hasSize(2).allMatch(r -> r.contains("max_restarts_on_errors"));
      assertThat(w.local.clusters()).isEmpty();
    }
  }

  @Test
  void cancelWhileRecoveringEndsCancelledWithNoClusterLeft() throws Exception {
    // nothing outside region-a: the recovery (which blocks region-a first) keeps retrying
    try (JobsWorld w = new JobsWorld(ONLY_REGION_A, JobsConfig.fast())) {
      long id = w.launch("victim", "resources:\n  infra: local\n  use_spot: true\nrun: sleep 60\n",
          null).id();
      ManagedJobRow running = w.awaitStatus(id, ManagedJobStatus.RUNNING, 60);
      preempt(w, running);
      w.await(id, r -> r.recoveries() == 1 && r.status() == ManagedJobStatus.RECOVERING, 30);
      assertThat(w.jobs.cancel(List.of(id), null, false)).containsExactly(id);
      ManagedJobRow end = w.awaitStatus(id, ManagedJobStatus.CANCELLED, 60);
      assertThat(end.endedAt()).isNotNull();
      Thread.sleep(500); // nothing may come back after CANCELLED
      assertThat(w.local.clusters()).isEmpty();
      assertThat(w.sky.status(List.of(), false)).isEmpty();
      assertThat(w.jobs.events(id)).extracting(JobEvent::status).containsSubsequence(
          ManagedJobStatus.RECOVERING, ManagedJobStatus.CANCELLING, ManagedJobStatus.CANCELLED);
    }
  }

  @Test
  void aServerRestartFindsTheRunningJobAndFinishesARecoveryItInterrupted() throws Exception {
    try (JobsWorld w = new JobsWorld(ONLY_REGION_A, JobsConfig.fast())) {
      Path bucket = w.paths.sky4jHome().resolve("buckets/ckpt");
      // an inline secret: the relaunch after the restart reads it back from the 0600 file only
      String secret = "restart-s3cret-4711";
      String yaml = counting(30, 0.2).replace("run: |\n", "secrets:\n  TOKEN: " + secret
          + "\nrun: |\n  echo \"token=$TOKEN\"\n  printf '%s' \"$TOKEN\" > /checkpoint/token\n");
      long id = w.launch("resume", yaml, null).id();
      Path secretsFile = w.paths.sky4jHome().resolve("jobs/" + id + "/secrets.json");
      assertThat(Files.getPosixFilePermissions(secretsFile))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      ManagedJobRow before = w.await(id, r -> r.status() == ManagedJobStatus.RUNNING
          && steps(bucket) >= 3, 60);

      w.restart(); // while RUNNING: found again, not relaunched
      ManagedJobRow after = w.await(id, r -> steps(bucket) >= 6, 30);
      assertThat(after.clusterJobId()).isEqualTo(before.clusterJobId());
      assertThat(after.infra()).isEqualTo(before.infra());
      assertThat(after.recoveries()).isZero();
      assertThat(w.jobs.attempts().get(id)).hasSize(1);

      preempt(w, after);
      w.await(id, r -> r.recoveries() == 1 && r.status() != ManagedJobStatus.RUNNING, 30);
      Files.delete(bucket.resolve("token"));
      w.restart(); // while recovering (blocked region-a, no capacity elsewhere: it retries)
      ManagedJobRow done = w.awaitStatus(id, ManagedJobStatus.SUCCEEDED, 90);
      assertThat(Files.readString(bucket.resolve("token"))).as("the relaunched job's $TOKEN")
          .isEqualTo(secret);
      assertThat(secretsFile).as("deleted when the job ended").doesNotExist();
      assertThat(w.jobLog(id)).contains("token=" + "*".repeat(secret.length()))
          .doesNotContain(secret);
      assertThat(done.task()).contains("'<redacted>'").doesNotContain(secret);
      for (String f : List.of("state.db", "state.db-wal")) {
        Path db = w.paths.sky4jHome().resolve(f);
        if (Files.exists(db)) {
          assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1)).as(f)
              .doesNotContain(secret);
        }
      }
      assertThat(done.recoveries()).isEqualTo(1);
      assertThat(Files.readString(bucket.resolve("step")).trim()).isEqualTo("30");
      assertThat(w.local.clusters()).isEmpty();
      assertThat(Map.of("log", w.jobLog(id))).extractingByKey("log").asString().contains("step 30");
    }
  }

  private static int steps(Path bucket) {
    try {
      return Integer.parseInt(Files.readString(bucket.resolve("step")).trim());
    } catch (Exception e) {
      return 0;
    }
  }

  private static String region(String infra) {
    return infra.split("/")[1];
  }
}
