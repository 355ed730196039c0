package dev.sky4j.provision.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.client.dto.OptimizeResponse;
import dev.sky4j.client.dto.PlanDto;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.provision.aws.MotoServer;
import dev.sky4j.requests.Redactor;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.storage.BucketPath;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code sky launch --dryrun}'s plans (the server's POST /optimize) when the task mounts a bucket
 * that lives in moto's us-west-2: the region changes to the bucket's, and each plan carries the
 * egress of reading the bucket from its region. AWS is "enabled" by a named planning-only fake.
 */
class DataLocalityDryRunTest {
  private static MotoServer moto;
  private static LocalCloudWorld world;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.start();
    world = new LocalCloudWorld(moto, List.of(new PlanOnlyAwsProvider()));
    world.s3.create("sky4j-west-data", "us-west-2", null);
    Files.write(world.root.resolve("shard.bin"), new byte[3_000_000]);
    world.s3.upload(world.root.resolve("shard.bin"), new BucketPath("s3", "sky4j-west-data", ""),
        new RequestLog(world.root.resolve("up.log"), Redactor.NONE));
  }

  @AfterAll
  static void stop() throws Exception {
    if (world != null) {
      world.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  private OptimizeResponse dryrun(String fileMounts) {
    String yaml = "resources:\n  infra: aws\n  instance_type: m6i.large\n" + fileMounts
        + "run: python train.py\n";
    return world.sky.optimize(new TaskInput(yaml, "task.yaml", world.root.toString(), null, null,
        Map.of(), Map.of()), 10);
  }

  @Test
  void aBucketElsewhereMovesTheChosenRegionAndEachPlanShowsItsEgress() {
    OptimizeResponse without = dryrun("");
    assertThat(without.plans().get(0).region()).isEqualTo("us-east-1");
    assertThat(without.plans().get(0).egressUsd()).isNull();
    assertThat(without.warnings()).isEmpty();

    OptimizeResponse with = dryrun("file_mounts:\n  /data: s3://sky4j-west-data\n");
    PlanDto chosen = with.plans().get(0);
    assertThat(chosen.region()).isEqualTo("us-west-2");
    assertThat(chosen.egressUsd()).isZero();
    PlanDto east = with.plans().stream().filter(p -> p.region().equals("us-east-1")).findFirst()
        .orElseThrow();
    // 3 MB at AWS's $0.02/GB between regions
    assertThat(east.egressUsd()).isCloseTo(0.00006, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(with.warnings()).isEmpty();
  }

  @Test
  void aRegionPinnedAwayFromTheBucketIsWarnedAbout() {
    String yaml = "resources:\n  infra: aws/eu-west-1\n  instance_type: m6i.large\n"
        + "file_mounts:\n  /data:\n    source: s3://sky4j-west-data\n    mode: MOUNT\n";
    OptimizeResponse r = world.sky.optimize(new TaskInput(yaml, "task.yaml",
        world.root.toString(), null, null, Map.of(), Map.of()), 10);
    assertThat(r.plans().get(0).region()).isEqualTo("eu-west-1");
    assertThat(r.warnings()).singleElement().asString()
        .contains("aws/eu-west-1 reads s3://sky4j-west-data (aws/us-west-2, 3.0 MB) from another region");
  }
}
