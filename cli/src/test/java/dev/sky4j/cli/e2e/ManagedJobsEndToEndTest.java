package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sky4j.testing.Prerequisites.require;

import dev.sky4j.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sky jobs} as a user drives it: the real CLI process, a real API server process and
 * local-cloud nodes. The controllers' timings are shortened through the server's environment
 * ({@code SKY4J_JOBS_*}); {@code node.boot-seconds} gives each launch a VM-like boot wait so a
 * state in the middle of a launch (RECOVERING, provisioning) lasts long enough to see and act on.
 */
class ManagedJobsEndToEndTest {
  /** Runs until cancelled, saving its step in the bucket so a recovery resumes from it. */
  private static final String TRAIN = """
      name: train
      resources:
        infra: local
        use_spot: true
      file_mounts:
        /checkpoint:
          name: e2e-ckpt
          mode: MOUNT
      run: |
        i=$(cat /checkpoint/step 2>/dev/null || echo 0)
        echo "resumed at $i"
        while true; do i=$((i+1)); echo "$i" > /checkpoint/step; echo "step $i"; sleep 0.3; done
      """;

  /** Counts to 40, saving its step in the bucket so a recovery resumes from it, then ends. */
  private static final String COUNT = """
      name: count
      resources:
        infra: local
        use_spot: true
      file_mounts:
        /checkpoint:
          name: e2e-count
          mode: MOUNT
      run: |
        i=$(cat /checkpoint/step 2>/dev/null || echo 0)
        echo "resumed at $i"
        while [ "$i" -lt 40 ]; do i=$((i+1)); echo "step $i"; echo "$i" > /checkpoint/step; sleep 0.2; done
        echo "counted to $i"
      """;

  @TempDir Path tmp;

  private CliProcess fixture(int bootSeconds) throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    Files.writeString(tmp.resolve("train.yaml"), TRAIN);
    CliProcess sky = new CliProcess(tmp);
    sky.localCloud("node.boot-seconds=" + bootSeconds + "\n");
    sky.extraEnv.put("SKY4J_JOBS_POLL_MS", "300");
    sky.extraEnv.put("SKY4J_JOBS_RETRY_GAP_MS", "300");
    sky.extraEnv.put("SKY4J_JOBS_GRACE_MS", "200");
    return sky;
  }

  /** Polls {@code sky jobs queue} until its output satisfies {@code ok}; returns that output. */
  private static String queueUntil(CliProcess sky, Path cwd, long millis, Predicate<String> ok,
      String what) throws Exception {
    return sky.skyUntil(cwd, millis, ok, what, "jobs", "queue");
  }

  private static Predicate<String> row(String regex) {
    Pattern p = Pattern.compile("(?m)^" + regex);
    return s -> p.matcher(s).find();
  }

  private static String logsUntil(CliProcess sky, Path cwd, long millis, String text) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    String last = "";
    while (System.currentTimeMillis() < deadline) {
      var r = sky.sky(cwd, "jobs", "logs", "1", "--no-follow");
      assertThat(r.code()).as(r.all()).isZero();
      last = r.out();
      if (last.contains(text)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("sky jobs logs 1 never showed " + text + "; last:\n" + last);
  }

  @Test
  void aPreemptedJobRecoversElsewhereShowsBothAttemptsAndCancelLeavesNoCluster() throws Exception {
    try (CliProcess sky = fixture(2)) {
      var launch = sky.sky(tmp, "jobs", "launch", "-n", "train", "train.yaml", "-d");
      assertThat(launch.code()).as(launch.all()).isZero();
      assertThat(launch.err()).contains("Managed job 1 (train) submitted, recovery EAGER_NEXT_REGION");

      String running = queueUntil(sky, tmp, 60_000, row("1 +train +.* RUNNING "), "job 1 RUNNING");
      assertThat(running.lines().findFirst().orElseThrow())
          .matches("ID +NAME +RESOURCES +SUBMITTED +DURATION +RECOVERIES +STATUS +ATTEMPTS *");
      assertThat(running).containsPattern("(?m)^1 +train +1x\\[CPU, spot\\] +.* 0 +RUNNING +local/region-\\S+$");
      logsUntil(sky, tmp, 30_000, "step 3");

      var preempt = sky.sky(tmp, "local", "preempt", "sky-managed-1-train");
      assertThat(preempt.code()).as(preempt.all()).isZero();
      queueUntil(sky, tmp, 30_000, row("1 +train +.* 1 +RECOVERING "), "job 1 RECOVERING");
      String recovered = queueUntil(sky, tmp, 60_000, row("1 +train +.* 1 +RUNNING "),
          "job 1 RUNNING again with 1 recovery");
      Matcher m = Pattern.compile("(?m)RUNNING +local/(region-\\w)/zone-\\d > local/(region-\\w)/zone-\\d$")
          .matcher(recovered);
      assertThat(m.find()).as("where each attempt ran:\n" + recovered).isTrue();
      assertThat(m.group(2)).as("EAGER_NEXT_REGION leaves the region it lost").isNotEqualTo(m.group(1));

      // one log over both attempts; the second resumed from the bucket, not from step 0
      String logs = logsUntil(sky, tmp, 30_000, "=== recovery attempt on local/" + m.group(2));
      logs = logsUntil(sky, tmp, 30_000, "resumed at ");
      assertThat(logs).contains("=== attempt on local/" + m.group(1), "resumed at 0", "step 3");
      assertThat(logs.substring(logs.indexOf("=== recovery attempt"))).containsPattern("resumed at [1-9]");
      var controller = sky.sky(tmp, "jobs", "logs", "1", "--controller", "--no-follow");
      assertThat(controller.code()).as(controller.all()).isZero();
      assertThat(controller.out()).contains("Preemption detected", "RECOVERING: preempted on local/"
          + m.group(1), "Provisioning", "RUNNING: running on local/" + m.group(2));

      var json = sky.sky(tmp, "jobs", "queue", "-o", "json");
      assertThat(json.code()).isZero();
      @SuppressWarnings("unchecked")
      Map<String, Object> job = ((List<Map<String, Object>>) Json.parse(json.out())).get(0);
      assertThat(job).containsEntry("name", "train").containsEntry("status", "RUNNING")
          .containsEntry("cluster", "sky-managed-1-train");
      assertThat(((Number) job.get("recoveries")).intValue()).isEqualTo(1);
      assertThat((List<?>) job.get("attempts")).hasSize(2);

      var cancel = sky.sky(tmp, "jobs", "cancel", "1");
      assertThat(cancel.code()).as(cancel.all()).isZero();
      assertThat(cancel.out()).contains("Cancelling managed job(s) [1]");
      queueUntil(sky, tmp, 30_000, row("1 +train +.* CANCELLED "), "job 1 CANCELLED");
      assertThat(sky.providerClusters()).as("the job's cluster is torn down").isEmpty();
      assertThat(sky.nodeProcesses()).isEmpty();
      assertThat(sky.sky(tmp, "jobs", "logs", "1", "--no-follow").out()).as("logs outlive the cluster")
          .contains("=== recovery attempt");
      var again = sky.sky(tmp, "jobs", "cancel", "1");
      assertThat(again.code()).isZero();
      assertThat(again.out()).contains("nothing to cancel");
    }
  }

  @Test
  void badInputFailsClearlyAndACancelByNameAbortsALaunchMidProvisioning() throws Exception {
    // 8 s of boot: the cancel below lands while the launch waits for its node, with room to spare
    try (CliProcess sky = fixture(8)) {
      // refused here, before anything is sent: no server is even started
      var missing = sky.sky(tmp, "jobs", "launch", "-n", "x", "missing.yaml");
      assertThat(missing.code()).isEqualTo(2);
      assertThat(missing.err()).contains("missing.yaml: no such file. Check the path");
      Files.writeString(tmp.resolve("bad.yaml"), "resources:\n  cpus: lots\nrun: echo hi\nnum_nodes: 0\n");
      var bad = sky.sky(tmp, "jobs", "launch", "bad.yaml");
      var validate = sky.sky(tmp, "validate", "--no-catalog", "bad.yaml");
      assertThat(bad.code()).isEqualTo(1);
      assertThat(validate.code()).isEqualTo(1);
      String findings = validate.out().substring(0, validate.out().lastIndexOf("bad.yaml: "));
      assertThat(findings).contains("bad.yaml:2:");
      assertThat(bad.err()).as("the same findings as sky validate").isEqualTo(findings);
      assertThat(sky.home.resolve("server/server.json")).as("nothing was sent").doesNotExist();
      var usage = sky.sky(tmp, "jobs", "cancel");
      assertThat(usage.code()).isEqualTo(2);
      assertThat(usage.err()).contains("sky jobs cancel ID, -n NAME or --all");

      var launch = sky.sky(tmp, "jobs", "launch", "-n", "slow", "train.yaml", "-d");
      assertThat(launch.code()).as(launch.all()).isZero();
      Path controllerLog = sky.home.resolve("jobs/1/controller.log");
      long deadline = System.currentTimeMillis() + 30_000;
      while (!(Files.exists(controllerLog) && Files.readString(controllerLog).contains("Waiting for SSH"))) {
        assertThat(System.currentTimeMillis()).as("the launch never reached Waiting for SSH")
            .isLessThan(deadline);
        Thread.sleep(20);
      }
      var cancel = sky.sky(tmp, "jobs", "cancel", "-n", "slow");
      assertThat(cancel.code()).as(cancel.all()).isZero();
      queueUntil(sky, tmp, 30_000, row("1 +slow +.* CANCELLED "), "job 1 CANCELLED");
      String events = sky.sky(tmp, "jobs", "logs", "1", "--controller", "--no-follow").out();
      assertThat(events).contains("aborted by the cancel", "CANCELLED: cancelled by the user")
          .as("the launch stopped while provisioning: the cluster never came UP")
          .doesNotContain("is UP", "RUNNING:");
      assertThat(sky.home.resolve("jobs/1/job.log")).as("no attempt was submitted")
          .satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
              p -> assertThat(p).content().doesNotContain("=== attempt"));
      assertThat(sky.providerClusters()).as("nothing left of the half-made cluster").isEmpty();

      var unknown = sky.sky(tmp, "jobs", "cancel", "99");
      assertThat(unknown.code()).isEqualTo(1);
      assertThat(unknown.err()).contains("no managed job 99 (sky jobs queue lists them)");
      var noName = sky.sky(tmp, "jobs", "cancel", "-n", "nosuch");
      assertThat(noName.code()).isEqualTo(1);
      assertThat(noName.err()).contains("no managed job named nosuch");
      var noLogs = sky.sky(tmp, "jobs", "logs", "99", "--no-follow");
      assertThat(noLogs.code()).isEqualTo(1);
      assertThat(noLogs.err()).contains("no managed job 99");
      var notId = sky.sky(tmp, "jobs", "logs", "seven");
      assertThat(notId.code()).isEqualTo(2);
      assertThat(notId.err()).contains("seven");
    }
  }

  /** The one managed job's row from {@code sky jobs queue -o json}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> jobJson(CliProcess sky, Path cwd) throws Exception {
    var json = sky.sky(cwd, "jobs", "queue", "-o", "json");
    assertThat(json.code()).as(json.all()).isZero();
    return ((List<Map<String, Object>>) Json.parse(json.out())).get(0);
  }

  @Test
  void aServerKilledWhileAJobIsRecoveringIsRestartedAndTheJobStillFinishes() throws Exception {
    // 4 s of boot: RECOVERING lasts long enough to see it and kill the server in the middle of it
    try (CliProcess sky = fixture(4)) {
      Files.writeString(tmp.resolve("count.yaml"), COUNT);
      var launch = sky.sky(tmp, "jobs", "launch", "-n", "x", "count.yaml", "-d", "-y");
      assertThat(launch.code()).as(launch.all()).isZero();
      queueUntil(sky, tmp, 60_000, row("1 +x +.* RUNNING "), "job 1 RUNNING");
      logsUntil(sky, tmp, 30_000, "step 3");

      var preempt = sky.sky(tmp, "local", "preempt", "sky-managed-1-x");
      assertThat(preempt.code()).as(preempt.all()).isZero();
      long deadline = System.currentTimeMillis() + 30_000;
      Map<String, Object> job = jobJson(sky, tmp);
      while (!"RECOVERING".equals(job.get("status"))) {
        assertThat(System.currentTimeMillis()).as("job 1 never showed RECOVERING; last: " + job)
            .isLessThan(deadline);
        Thread.sleep(100);
        job = jobJson(sky, tmp);
      }
      long killed = sky.serverPid();
      sky.killServerHard();

      // the next CLI call starts a new server, which takes the recovery over
      queueUntil(sky, tmp, 120_000, row("1 +x +.* SUCCEEDED\\b"), "job 1 SUCCEEDED after the restart");
      assertThat(sky.serverPid()).as("a new server runs").isNotEqualTo(killed);
      Map<String, Object> done = jobJson(sky, tmp);
      assertThat(done).containsEntry("status", "SUCCEEDED");
      assertThat(((Number) done.get("recoveries")).intValue()).isGreaterThanOrEqualTo(1);

      var logs = sky.sky(tmp, "jobs", "logs", "1", "--no-follow");
      assertThat(logs.code()).as(logs.all()).isZero();
      String out = logs.out();
      assertThat(out).contains("resumed at 0", "counted to 40");
      Matcher resumed = Pattern.compile("resumed at (\\d+)").matcher(out);
      int from = 0;
      int at = 0;
      while (resumed.find()) {
        from = Integer.parseInt(resumed.group(1));
        at = resumed.end();
      }
      assertThat(from).as("the last attempt resumed from the bucket, not from step 0:\n" + out)
          .isPositive();
      String last = out.substring(at);
      for (int i = from + 1; i <= 40; i++) {
        assertThat(last).as("the last attempt ran every step after its checkpoint")
            .contains("step " + i + "\n");
      }
      assertThat(sky.providerClusters()).as("the job's cluster is torn down").isEmpty();
      assertThat(sky.nodeProcesses()).as("node processes left").isEmpty();
    }
  }
}
