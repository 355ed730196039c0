package dev.sky4j.provision.aws.s3;

import dev.sky4j.requests.Redactor;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.storage.BucketPath;
import dev.sky4j.storage.UploadResult;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * bench/s3-upload.sh's sky4j side: uploads a folder to a fresh bucket on the endpoint, then again
 * (nothing changed), timing each inside the JVM as the API server would run it. Prints
 * {@code first_ms=N again_ms=N uploaded=N}.
 */
public final class S3UploadBench {
  private S3UploadBench() {}

  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    Path src = Path.of(args[1]);
    String bucket = args[2];
    MotoCredentials.set();
    S3Store store = new S3Store(new S3Clients(new S3Settings(endpoint, "us-east-1")));
    Path logFile = Files.createTempFile("s3-bench", ".log");
    try (RequestLog log = new RequestLog(logFile, Redactor.NONE)) {
      store.create(bucket, "us-east-1", log);
      BucketPath target = new BucketPath("s3", bucket, "");
      long t0 = System.nanoTime();
      UploadResult first = store.upload(src, target, log);
      long t1 = System.nanoTime();
      UploadResult again = store.upload(src, target, log);
      long t2 = System.nanoTime();
      // a second fresh bucket: the same upload once the JVM has loaded and compiled the SDK, as
      // in a server that has uploaded before
      store.create(bucket + "-warm", "us-east-1", log);
      long t3 = System.nanoTime();
      store.upload(src, new BucketPath("s3", bucket + "-warm", ""), log);
      long t4 = System.nanoTime();
      System.out.println("first_ms=" + (t1 - t0) / 1_000_000 + " again_ms=" + (t2 - t1) / 1_000_000
          + " warm_ms=" + (t4 - t3) / 1_000_000 + " uploaded=" + first.uploaded()
          + " again_uploaded=" + again.uploaded());
    } finally {
      Files.deleteIfExists(logFile);
    }
  }
}
