package dev.sky4j.provision.aws.s3;

import static dev.sky4j.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.agent.fs.Namespaces;
import dev.sky4j.provision.aws.MotoServer;
import dev.sky4j.storage.BucketPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * S3 storage on local-cloud nodes (real processes behind real SSH, no AWS keys in their
 * environment) against a real moto: COPY through presigned URLs, MOUNT through rclone over FUSE,
 * and {@code persistent: false} buckets gone after down.
 */
class BucketMountsOnLocalCloudTest {
  private static MotoServer moto;
  private LocalCloudWorld world;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = MotoServer.start();
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    world = new LocalCloudWorld(moto);
    Files.createDirectories(world.root.resolve("data/sub"));
    Files.writeString(world.root.resolve("data/hello.txt"), "hello from the laptop\n");
    Files.writeString(world.root.resolve("data/sub/deep.txt"), "deep\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    world.close();
  }

  @Test
  void copyModeDownloadsTheBucketAndAnEphemeralBucketIsGoneAfterDown() throws Exception {
    require(Namespaces.availability().available(), Namespaces.availability().describe());
    String log = world.launch("s3-copy", """
        resources:
          infra: local
        file_mounts:
          /data:
            name: sky4j-e2e-copy
            source: ./data
            store: s3
            mode: COPY
            persistent: false
          /plain: s3://sky4j-e2e-copy/sub
        run: |
          cat /data/hello.txt /data/sub/deep.txt
          echo "plain=$(cat /plain/deep.txt)"
          echo "keys=$(env | grep -c '^AWS_' || true)"
        """);
    assertThat(log).contains("Creating bucket s3://sky4j-e2e-copy in us-east-1")
        .contains("hello from the laptop").contains("deep\n").contains("plain=deep")
        .contains("keys=0").contains("presigned URLs, no keys on the nodes");
    assertThat(log).doesNotContain("X-Amz-Signature");
    assertThat(world.s3.list(new BucketPath("s3", "sky4j-e2e-copy", ""))).hasSize(2);
    assertThat(world.sky.buckets().list()).singleElement().satisfies(r -> {
      assertThat(r.region()).isEqualTo("us-east-1");
      assertThat(r.clusters()).containsExactly("s3-copy");
    });

    String down = world.down("s3-copy");
    assertThat(down).contains("Deleted bucket s3://sky4j-e2e-copy");
    assertThat(world.s3.regionOf("sky4j-e2e-copy")).as("persistent: false bucket after down").isEmpty();
    assertThat(world.sky.buckets().list()).isEmpty();
  }

  @Test
  void mountModeWritesGoToTheBucketAndANewClusterReadsThem() throws Exception {
    require(Namespaces.availability().available(), Namespaces.availability().describe());
    require(FuseCheck.works(), FuseCheck.why());
    String log = world.launch("s3-mount", """
        resources:
          infra: local
        file_mounts:
          /checkpoint:
            name: sky4j-e2e-mount
            store: s3
            mode: MOUNT
        run: |
          echo step-7 > /checkpoint/step
          mount | grep -c ' /checkpoint type fuse' || true
        """);
    assertThat(log).contains("Mounting s3://sky4j-e2e-mount at /checkpoint (MOUNT, rclone)");
    assertThat(world.s3.list(new BucketPath("s3", "sky4j-e2e-mount", "")))
        .extracting(o -> o.key()).containsExactly("step");
    world.down("s3-mount");
    assertThat(world.s3.regionOf("sky4j-e2e-mount")).as("a persistent bucket outlives down")
        .isPresent();

    String second = world.launch("s3-mount-2", """
        resources:
          infra: local
        file_mounts:
          /checkpoint:
            name: sky4j-e2e-mount
            store: s3
            mode: MOUNT_CACHED
        run: |
          echo "read=$(cat /checkpoint/step)"
        """);
    assertThat(second).contains("read=step-7");
  }
}
