package dev.sky4j.provision.aws.s3;

import dev.sky4j.client.Sizes;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.storage.BucketPath;

import dev.sky4j.storage.StoredObject;
import dev.sky4j.storage.UploadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads a file or folder to an S3 prefix, sending only files whose size or ETag differ from
 * the object already there. Small files go up in parallel ({@link #THREADS} at a time); a file
 * over {@link #MULTIPART_THRESHOLD} goes up as a multipart upload of {@link #PART_SIZE} parts,
 * {@link #PARTS_IN_FLIGHT} at once (the AWS CLI sends 10). A progress line goes to the request log every two seconds.
 */
public final class S3Uploader {
  public static final long PART_SIZE = 8L << 20;
  public static final long MULTIPART_THRESHOLD = 8L << 20;
  static final int THREADS = Integer.getInteger("sky4j.s3.threads", 16);
  static final int PARTS_IN_FLIGHT = 10;
  private static final long PROGRESS_EVERY_MS = 2000;

  private final S3Client s3;
  private final UploadedFiles uploaded;

  public S3Uploader(S3Client s3) {
    this(s3, new UploadedFiles());
  }

  S3Uploader(S3Client s3, UploadedFiles uploaded) {
    this.s3 = s3;
    this.uploaded = uploaded;
  }

  private record Local(Path file, String key, long size) {}

  public UploadResult upload(Path source, BucketPath target, RequestLog log) throws IOException {
    List<Local> files = files(source, target);
    Map<String, StoredObject> there = S3Store.list(s3, target.bucket(), target.prefix()).stream()
        .collect(Collectors.toMap(StoredObject::key, Function.identity(), (a, b) -> a));
    List<Local> changed = new ArrayList<>();
    for (Local f : files) {
      StoredObject o = there.get(f.key());
      if (o == null || o.size() != f.size()) {
        changed.add(f);
      } else if (!uploaded.unchanged(f.file(), f.size(), o.etag())) {
        if (ETags.matches(f.file(), f.size(), o.etag(), PART_SIZE)) {
          uploaded.remember(f.file(), f.size(), o.etag());
        } else {
          changed.add(f);
        }
      }
    }
    long total = changed.stream().mapToLong(Local::size).sum();
    Progress progress = new Progress(log, changed.size(), total);
    ExecutorService pool = daemons(THREADS, "s3-upload");
    try {
      List<Future<?>> small = new ArrayList<>();
      for (Local f : changed) {
        if (f.size() <= MULTIPART_THRESHOLD) {
          small.add(pool.submit(() -> {
            String etag = s3.putObject(b -> b.bucket(target.bucket()).key(f.key()),
                RequestBody.fromFile(f.file())).eTag();
            uploaded.remember(f.file(), f.size(), etag);
            progress.sent(f.size(), true);
            return null;
          }));
        }
      }
      ExecutorService parts = daemons(PARTS_IN_FLIGHT, "s3-part");
      try {
        for (Local f : changed) {
          if (f.size() > MULTIPART_THRESHOLD) {
            multipart(f, target.bucket(), parts, progress);
          }
        }
      } finally {
        parts.shutdownNow();
      }
      for (Future<?> fu : small) {
        await(fu);
      }
    } finally {
      pool.shutdownNow();
    }
    progress.done();
    return new UploadResult(files.size(), changed.size(), total);
  }

  private void multipart(Local f, String bucket, ExecutorService pool, Progress progress)
      throws IOException {
    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(f.key())).uploadId();
    try {
      int parts = (int) ((f.size() + PART_SIZE - 1) / PART_SIZE);
      List<Future<CompletedPart>> sent = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        final int n = i + 1;
        final long off = i * PART_SIZE;
        final long len = Math.min(PART_SIZE, f.size() - off);
        sent.add(pool.submit(() -> {
          byte[] bytes = new byte[(int) len];
          try (InputStream in = Files.newInputStream(f.file())) {
            in.skipNBytes(off);
            in.readNBytes(bytes, 0, bytes.length);
          }
          String etag = s3.uploadPart(b -> b.bucket(bucket).key(f.key()).uploadId(id).partNumber(n),
              // the part's own array, not a copy: parts in flight are the upload's memory
              RequestBody.fromContentProvider(ContentStreamProvider.fromByteArrayUnsafe(bytes),
                  bytes.length, "application/octet-stream")).eTag();
          progress.sent(len, false);
          return CompletedPart.builder().partNumber(n).eTag(etag).build();
        }));
      }
      List<CompletedPart> done = new ArrayList<>();
      for (Future<CompletedPart> fu : sent) {
        done.add(await(fu));
      }
      String etag = s3.completeMultipartUpload(b -> b.bucket(bucket).key(f.key()).uploadId(id)
          .multipartUpload(m -> m.parts(done))).eTag();
      uploaded.remember(f.file(), f.size(), etag);
      progress.sent(0, true);
    } catch (IOException | RuntimeException e) {
      try {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(f.key()).uploadId(id));
      } catch (RuntimeException abort) {
        e.addSuppressed(abort);
      }
      throw e;
    }
  }

  private static List<Local> files(Path source, BucketPath target) throws IOException {
    if (!Files.isDirectory(source)) {
      return List.of(new Local(source, target.key(source.getFileName().toString()),
          Files.size(source)));
    }
    try (Stream<Path> walk = Files.walk(source)) {
      return walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).map(p -> {
        try {
          String rel = source.relativize(p).toString().replace('\\', '/');
          return new Local(p, target.key(rel), Files.size(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static ExecutorService daemons(int n, String name) {
    return Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("upload interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    }
  }

  /** Counts what went up and says so now and then. */
  private static final class Progress {
    private final RequestLog log;
    private final int files;
    private final long bytes;
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong lastLine = new AtomicLong(System.currentTimeMillis());

    Progress(RequestLog log, int files, long bytes) {
      this.log = log;
      this.files = files;
      this.bytes = bytes;
    }

    void sent(long n, boolean fileDone) {
      long b = bytesDone.addAndGet(n);
      int f = fileDone ? filesDone.incrementAndGet() : filesDone.get();
      long now = System.currentTimeMillis();
      long last = lastLine.get();
      if (now - last >= PROGRESS_EVERY_MS && lastLine.compareAndSet(last, now)) {
        log.stage(line(f, b));
      }
    }

    void done() {
      if (files > 0) {
        log.stage(line(filesDone.get(), bytesDone.get()));
      }
    }

    private String line(int f, long b) {
      return "Uploading: " + f + "/" + files + " files, " + Sizes.human(b) + " of "
          + Sizes.human(bytes) + (bytes == 0 ? "" : " (" + (b * 100 / bytes) + "%)");
    }
  }
}
