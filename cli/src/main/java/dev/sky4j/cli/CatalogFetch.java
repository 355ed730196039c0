package dev.sky4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code <cloud>/vms.csv} from a catalog root in SkyPilot's layout: an http(s) URL (by
 * default SkyPilot's hosted catalog) or a local folder. HttpURLConnection, like the API client.
 */
final class CatalogFetch {
  /** SkyPilot's hosted catalogs, schema v8 (sky/skylet/constants.py CATALOG_SCHEMA_VERSION). */
  static final String DEFAULT_ROOT =
      "https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v8";
  /** SkyPilot's S3 mirror of the same files, tried when GitHub cannot be reached. */
  static final String MIRROR_ROOT = "https://skypilot-catalog.s3.us-east-1.amazonaws.com/catalogs/v8";
  /** A cloud's vms.csv is a few MB (GCP's ~10); more is not a catalog. */
  private static final int MAX_BYTES = 256 << 20;

  /** A file's text and where it was read. */
  record Fetched(String text, String where) {}

  private final String root;
  private final CatalogFetch fallback;

  private CatalogFetch(String root, CatalogFetch fallback) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.fallback = fallback;
  }

  /** Reads from {@code root}; SkyPilot's default root falls back to its mirror, as SkyPilot does. */
  static CatalogFetch of(String root) {
    return new CatalogFetch(root, root.equals(DEFAULT_ROOT)
        ? new CatalogFetch(MIRROR_ROOT, null) : null);
  }

  /** The file, from the root or else its mirror; the root's error when both fail. */
  Fetched fetch(String cloud) throws IOException {
    try {
      return new Fetched(read(cloud), where(cloud));
    } catch (IOException e) {
      if (fallback == null) {
        throw e;
      }
      try {
        return fallback.fetch(cloud);
      } catch (IOException ignored) {
        throw new IOException(e.getMessage() + " (the mirror " + fallback.where(cloud)
            + " failed too)", e);
      }
    }
  }

  private boolean isRemote() {
    return root.startsWith("http://") || root.startsWith("https://");
  }

  /** Where one cloud's file is, as the user would paste it. */
  String where(String cloud) {
    return isRemote() ? root + "/" + cloud + "/vms.csv"
        : Path.of(root).resolve(cloud).resolve("vms.csv").toString();
  }

  /** The file's text; an IOException says what failed and where. */
  private String read(String cloud) throws IOException {
    if (!isRemote()) {
      Path p = Path.of(root).resolve(cloud).resolve("vms.csv");
      if (!Files.isRegularFile(p)) {
        throw new IOException(p + " does not exist (expected <DIR>/<cloud>/vms.csv)");
      }
      return Files.readString(p, StandardCharsets.UTF_8);
    }
    URL url = URI.create(where(cloud)).toURL();
    HttpURLConnection c = (HttpURLConnection) url.openConnection();
    c.setConnectTimeout(10_000);
    c.setReadTimeout(60_000);
    try {
      int code = c.getResponseCode();
      if (code != 200) {
        throw new IOException(url + " answered HTTP " + code);
      }
      try (InputStream in = c.getInputStream()) {
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
          throw new IOException(url + " is larger than " + (MAX_BYTES >> 20) + " MB");
        }
        return new String(body, StandardCharsets.UTF_8);
      }
    } finally {
      c.disconnect();
    }
  }
}
