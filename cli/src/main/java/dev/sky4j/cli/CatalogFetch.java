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
  /** A cloud's vms.csv is a few MB (GCP's ~10); more is not a catalog. */
  private static final int MAX_BYTES = 256 << 20;

  private final String root;

  CatalogFetch(String root) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  boolean isRemote() {
    return root.startsWith("http://") || root.startsWith("https://");
  }

  /** Where one cloud's file is, as the user would paste it. */
  String where(String cloud) {
    return isRemote() ? root + "/" + cloud + "/vms.csv"
        : Path.of(root).resolve(cloud).resolve("vms.csv").toString();
  }

  /** The file's text; an IOException says what failed and where. */
  String read(String cloud) throws IOException {
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
