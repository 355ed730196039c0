package dev.sky4j.api;

import dev.sky4j.client.ApiTokenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token requests must carry. Backed by the token file, which is re-read when its inode or
 * modification time changes (one stat per request), so {@code sky api rotate-token} takes effect
 * at the next request and the old token is refused from then on, without a restart.
 */
public final class ApiToken {
  private static final Logger LOG = LoggerFactory.getLogger(ApiToken.class);

  private record Snapshot(Object fileKey, long modified, byte[] token) {}

  private final Path file;
  private volatile Snapshot current;

  private ApiToken(Path file, Snapshot first) {
    this.file = file;
    this.current = first;
  }

  /** The token in {@code file}, created there (0600, folders 0700) if there is none yet. */
  public static ApiToken fromFile(Path file) throws IOException {
    ApiTokenFile.createIfAbsent(file);
    ApiToken t = new ApiToken(file, null);
    t.current = t.load();
    return t;
  }

  /** A fixed token, for servers embedded in a test or a benchmark. */
  public static ApiToken fixed(String token) {
    return new ApiToken(null, new Snapshot(null, 0, token.getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether {@code presented} is the current token, compared in constant time. */
  boolean matches(String presented) {
    byte[] want = fresh().token();
    return presented != null
        && MessageDigest.isEqual(want, presented.getBytes(StandardCharsets.UTF_8));
  }

  private Snapshot fresh() {
    Snapshot s = current;
    if (file == null) {
      return s;
    }
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.fileKey().equals(s.fileKey()) || a.lastModifiedTime().toMillis() != s.modified()) {
        s = load();
        current = s;
        LOG.info("API token file {} changed: the new token is in effect", file);
      }
    } catch (IOException e) {
      // deleted or unreadable: keep the last token rather than open the API or lock out clients
      LOG.warn("cannot read the API token file {} ({}); the last token stays in effect", file,
          e.getMessage());
    }
    return s;
  }

  private Snapshot load() throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    String t = ApiTokenFile.read(file);
    return new Snapshot(a.fileKey(), a.lastModifiedTime().toMillis(),
        t.getBytes(StandardCharsets.UTF_8));
  }
}
