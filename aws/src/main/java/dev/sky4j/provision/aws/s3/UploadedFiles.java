package dev.sky4j.provision.aws.s3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this server last uploaded or verified: a local file's size and modification time with the
 * ETag its object got. A file whose size and mtime are unchanged, whose object still has that
 * ETag, is not read again (the AWS CLI's sync trusts size and mtime alone; this also notices the
 * object being replaced). Lives as long as the server; bounded.
 */
final class UploadedFiles {
  private static final int MAX = 200_000;

  private record Seen(long size, long mtime, String etag) {}

  private final Map<Path, Seen> seen = new ConcurrentHashMap<>();

  boolean unchanged(Path file, long size, String remoteEtag) throws IOException {
    Seen s = seen.get(file.toAbsolutePath());
    return s != null && remoteEtag != null && s.size() == size && s.etag().equals(remoteEtag)
        && s.mtime() == Files.getLastModifiedTime(file).toMillis();
  }

  void remember(Path file, long size, String etag) throws IOException {
    if (etag == null) {
      return;
    }
    if (seen.size() >= MAX) {
      seen.clear();
    }
    seen.put(file.toAbsolutePath(), new Seen(size, Files.getLastModifiedTime(file).toMillis(),
        etag.replace("\"", "")));
  }
}
