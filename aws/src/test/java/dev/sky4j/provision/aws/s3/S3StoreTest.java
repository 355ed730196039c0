package dev.sky4j.provision.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.provision.aws.MotoServer;
import dev.sky4j.requests.Redactor;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.storage.BucketPath;
import dev.sky4j.storage.StoredObject;
import dev.sky4j.storage.UploadResult;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S3 behind the storage SPI, against a real moto: buckets, the uploader, presigned GETs, the node role. */
class S3StoreTest {
  private static MotoServer moto;
  private static S3Store store;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.start();
    MotoCredentials.set();
    store = new S3Store(new S3Clients(new S3Settings(moto.endpoint(), "us-east-1")));
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  private RequestLog log() throws Exception {
    return new RequestLog(dir.resolve("request.log"), Redactor.NONE);
  }

  @Test
  void bucketIsCreatedInTheAskedRegionAndDeletedWithItsObjects() throws Exception {
    assertThat(store.regionOf("sky4j-t-regions")).isEmpty();
    store.create("sky4j-t-regions", "eu-west-1", log());
    store.create("sky4j-t-east", "us-east-1", log());
    assertThat(store.regionOf("sky4j-t-regions")).contains("eu-west-1");
    assertThat(store.regionOf("sky4j-t-east")).contains("us-east-1");
    Files.writeString(dir.resolve("a.txt"), "a");
    store.upload(dir.resolve("a.txt"), new BucketPath("s3", "sky4j-t-regions", ""), log());
    store.delete("sky4j-t-regions", log());
    assertThat(store.regionOf("sky4j-t-regions")).isEmpty();
  }

  @Test
  void uploadSendsOnlyChangedFilesAndBigOnesInParts() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    for (int i = 0; i < 30; i++) {
      Files.writeString(Files.createDirectories(src.resolve("d" + i % 3)).resolve("f" + i + ".txt"),
          "file " + i);
    }
    Path big = src.resolve("big.bin");
    long bigSize = S3Uploader.PART_SIZE * 2 + 12345;
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      byte[] chunk = new byte[1 << 20];
      new Random(7).nextBytes(chunk);
      for (long w = 0; w < bigSize; w += chunk.length) {
        f.write(chunk, 0, (int) Math.min(chunk.length, bigSize - w));
      }
    }
    store.create("sky4j-t-upload", "us-west-2", log());
    BucketPath target = new BucketPath("s3", "sky4j-t-upload", "data");

    UploadResult first = store.upload(src, target, log());
    assertThat(first.files()).isEqualTo(31);
    assertThat(first.uploaded()).isEqualTo(31);
    StoredObject bigObject = store.list(target).stream()
        .filter(o -> o.key().equals("data/big.bin")).findFirst().orElseThrow();
    assertThat(bigObject.size()).isEqualTo(bigSize);
    assertThat(bigObject.etag()).as("a multipart ETag").endsWith("-3");
    assertThat(Files.readString(dir.resolve("request.log"))).contains("Uploading: 31/31 files");

    assertThat(store.upload(src, target, log()).uploaded()).as("nothing changed").isZero();

    Files.writeString(src.resolve("d1/f1.txt"), "FILE 1"); // same size, other bytes
    Files.writeString(src.resolve("d2/new.txt"), "new");
    UploadResult third = store.upload(src, target, log());
    assertThat(third.uploaded()).isEqualTo(2);
    assertThat(third.bytes()).isEqualTo(9);
  }

  @Test
  void presignedGetNeedsNoKeys() throws Exception {
    store.create("sky4j-t-presign", "ap-south-1", log());
    Files.writeString(dir.resolve("hello.txt"), "hello from s3");
    store.upload(dir.resolve("hello.txt"), new BucketPath("s3", "sky4j-t-presign", "p"), log());
    var url = store.presignGet("sky4j-t-presign", "p/hello.txt", Duration.ofMinutes(5));
    HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
    try (InputStream in = c.getInputStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello from s3");
    }
    // the URL names the signer's access key id (public by AWS's design), never the secret key
    assertThat(url.getQuery()).contains("X-Amz-Signature", "X-Amz-Expires=300");
  }

  @Test
  void nodesGetTheRoleNotTheUsersKeys() throws Exception {
    store.create("sky4j-t-role", "us-east-1", log());
    String local = store.rcloneRemote("r", "sky4j-t-role", "local");
    assertThat(local).contains("[r]", "type = s3", "session_token = ", "force_path_style = true")
        .doesNotContain("access_key_id = testing").doesNotContain("secret_access_key = testing");
    String ec2 = store.rcloneRemote("r", "sky4j-t-role", "aws");
    assertThat(ec2).contains("env_auth = true").doesNotContain("access_key_id");
    assertThat(store.nodeRole().buckets()).contains("sky4j-t-role");
    assertThat(NodeRole.policy(java.util.List.of("b"))).contains("arn:aws:s3:::b/*",
        "s3:GetObject", "s3:ListBucket").doesNotContain("s3:*");
  }
}
