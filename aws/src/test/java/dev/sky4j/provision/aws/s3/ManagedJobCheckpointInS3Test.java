package dev.sky4j.provision.aws.s3;

import static dev.sky4j.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.agent.fs.Namespaces;
import dev.sky4j.client.dto.ManagedJobLaunch;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.jobs.JobsConfig;
import dev.sky4j.jobs.ManagedJobRow;
import dev.sky4j.jobs.ManagedJobStatus;
import dev.sky4j.jobs.ManagedJobs;
import dev.sky4j.provision.aws.MotoServer;
import dev.sky4j.storage.BucketPath;
import dev.sky4j.storage.StoredObject;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A managed spot job whose /checkpoint is an S3 bucket in MOUNT mode (rclone over FUSE, moto
 * behind it), preempted twice by the local cloud and recovered in other regions: every attempt
 * mounts the same bucket, resumes from its checkpoint, and the bucket outlives the job.
 */
class ManagedJobCheckpointInS3Test {
  private static final String TASK = """
      resources:
        infra: local
        use_spot: true
      file_mounts:
        /checkpoint:
          name: sky4j-e2e-ckpt
          store: s3
          mode: MOUNT
          persistent: false
      run: |
        mkdir -p /checkpoint/runs
        i=$(cat /checkpoint/step 2>/dev/null || echo 0)
        while [ "$i" -lt 16 ]; do
          i=$((i+1))
          echo "step $i"
          echo x > /checkpoint/runs/$i-$(date +%s%N)
          echo "$i" > /checkpoint/step
          sleep 0.3
        done
      """;

  @Test
  void aJobPreemptedTwiceResumesFromTheSameBucket() throws Exception {
    require(Namespaces.availability().available(), Namespaces.availability().describe());
    require(FuseCheck.works(), FuseCheck.why());
    try (MotoServer moto = MotoServer.start(); LocalCloudWorld world = new LocalCloudWorld(moto);
        ManagedJobs jobs = new ManagedJobs(world.sky.jobClusters(), world.db,
            world.paths.sky4jHome(), JobsConfig.fast())) {
      long id = jobs.launch(new ManagedJobLaunch("train", new TaskInput(TASK, "train.yaml",
          world.root.toString(), null, null, Map.of(), Map.of()), null), "tester").id();
      ManagedJobRow first = await(jobs, id, r -> r.status() == ManagedJobStatus.RUNNING
          && step(world) >= 3);
      world.local.preempt(first.cluster(), null);
      ManagedJobRow second = await(jobs, id, r -> r.status() == ManagedJobStatus.RUNNING
          && r.recoveries() == 1 && step(world) >= 7);
      assertThat(second.region()).isNotEqualTo(first.region());
      world.local.preempt(second.cluster(), null);
      ManagedJobRow done = await(jobs, id, r -> r.status().terminal());
      assertThat(done.status()).as(done.message()).isEqualTo(ManagedJobStatus.SUCCEEDED);
      assertThat(done.recoveries()).isEqualTo(2);

      // resumed, not restarted: every step ran once or twice (a step may rerun after a kill)
      List<StoredObject> runs = world.s3.list(new BucketPath("s3", "sky4j-e2e-ckpt", "runs"));
      Map<String, Long> perStep = runs.stream().collect(Collectors.groupingBy(
          o -> o.key().substring("runs/".length()).split("-")[0], Collectors.counting()));
      for (int s = 1; s <= 16; s++) {
        assertThat(perStep.getOrDefault(Integer.toString(s), 0L)).as("runs of step " + s)
            .isBetween(1L, 2L);
      }
      // one bucket for all three attempts, wherever they ran; kept after the job (checkpoints)
      assertThat(world.sky.buckets().list()).singleElement()
          .satisfies(r -> assertThat(r.name()).isEqualTo("sky4j-e2e-ckpt"));
      assertThat(world.s3.regionOf("sky4j-e2e-ckpt")).contains("us-east-1");
      List<String> attempts = jobs.attempts().get(id);
      assertThat(attempts).hasSize(3);
      assertThat(attempts.get(1)).isNotEqualTo(attempts.get(0));
      assertThat(attempts.get(2)).isNotEqualTo(attempts.get(1));
    }
  }

  private static int step(LocalCloudWorld w) {
    try {
      return w.s3.list(new BucketPath("s3", "sky4j-e2e-ckpt", "runs")).stream()
          .map(o -> o.key().substring("runs/".length()).split("-")[0]).mapToInt(Integer::parseInt)
          .max().orElse(0);
    } catch (Exception e) {
      return 0;
    }
  }

  private static ManagedJobRow await(ManagedJobs jobs, long id, Predicate<ManagedJobRow> p)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    ManagedJobRow r = jobs.get(id);
    while (!p.test(r)) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("job " + id + " did not get there in 120 s: " + r + "\nevents: "
            + jobs.events(id));
      }
      Thread.sleep(100);
      r = jobs.get(id);
    }
    return r;
  }
}
