package dev.sky4j.storage;

import java.util.Locale;

/** {@code s3://bucket/some/prefix}: a store kind, a bucket and a key prefix (empty: the bucket). */
public record BucketPath(String store, String bucket, String prefix) {
  public BucketPath {
    prefix = prefix == null ? "" : prefix.replaceAll("^/+", "").replaceAll("/+$", "");
  }

  /** True for {@code scheme://...} with a store-like scheme (not {@code https://}). */
  public static boolean isUrl(String s) {
    return s != null && s.matches("[a-z0-9]+://.*") && !s.startsWith("http");
  }

  public static BucketPath parse(String url) {
    int sep = url.indexOf("://");
    if (sep <= 0) {
      throw new IllegalArgumentException("'" + url + "' is not a bucket URL such as s3://bucket/path");
    }
    String rest = url.substring(sep + 3);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("'" + url + "' names no bucket; write s3://bucket/path");
    }
    return new BucketPath(url.substring(0, sep).toLowerCase(Locale.ROOT), bucket,
        slash < 0 ? "" : rest.substring(slash + 1));
  }

  /** The object key of {@code relative} under this prefix. */
  public String key(String relative) {
    return prefix.isEmpty() ? relative : prefix + "/" + relative;
  }

  @Override
  public String toString() {
    return store + "://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }
}
