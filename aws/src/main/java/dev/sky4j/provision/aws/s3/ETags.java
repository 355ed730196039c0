package dev.sky4j.provision.aws.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * S3's ETag of a local file as we would upload it: the MD5 of the bytes for a single PUT, and
 * for a multipart upload the MD5 of the parts' MD5s followed by {@code -N}. Read only when a
 * remote object of the same size exists, so a fresh upload reads each file once.
 */
final class ETags {
  private ETags() {}

  /** True when {@code etag} (unquoted) is what {@code file} would get uploaded with {@code partSize} parts. */
  static boolean matches(Path file, long size, String etag, long partSize) throws IOException {
    if (etag == null) {
      return false;
    }
    int dash = etag.indexOf('-');
    if (dash < 0) {
      return etag.equalsIgnoreCase(md5(file, 0, size));
    }
    int parts = Integer.parseInt(etag.substring(dash + 1));
    if (parts != (int) ((size + partSize - 1) / partSize)) {
      return false;
    }
    MessageDigest all = digest();
    HexFormat hex = HexFormat.of();
    for (int i = 0; i < parts; i++) {
      long off = i * partSize;
      all.update(hex.parseHex(md5(file, off, Math.min(partSize, size - off))));
    }
    return etag.substring(0, dash).equalsIgnoreCase(hex.formatHex(all.digest()));
  }

  static String md5(Path file, long offset, long length) throws IOException {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(offset);
      long left = length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          break;
        }
        md.update(buf, 0, n);
        left -= n;
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every Java runtime", e);
    }
  }
}
