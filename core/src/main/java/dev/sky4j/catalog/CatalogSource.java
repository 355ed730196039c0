package dev.sky4j.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where catalog files come from: the snapshot bundled on the classpath, or a folder of files in
 * the same layout. A folder may fall back to another source for files it lacks, so a user can
 * override just {@code aws.csv}.
 */
final class CatalogSource {
  static final String BUILTIN = "/dev/sky4j/catalog/builtin/";
  static final String ACCELERATORS = "accelerators.csv";
  static final String PROPERTIES = "catalog.properties";

  private final Path folder;
  private final CatalogSource fallback;
  private final Properties props;

  private CatalogSource(Path folder, CatalogSource fallback) {
    this.folder = folder;
    this.fallback = fallback;
    this.props = new Properties();
    String text = readOwn(PROPERTIES);
    if (text != null) {
      try {
        props.load(new StringReader(text));
      } catch (IOException e) {
        throw new CatalogException(where(PROPERTIES) + ": " + e.getMessage(), e);
      }
    }
  }

  static CatalogSource bundled() {
    return new CatalogSource(null, null);
  }

  static CatalogSource folder(Path folder, CatalogSource fallbackOrNull) {
    if (!Files.isDirectory(folder)) {
      throw new CatalogException("catalog folder " + folder + " does not exist or is not a folder");
    }
    return new CatalogSource(folder, fallbackOrNull);
  }

  /** Whether a folder holds anything that looks like catalog files. */
  static boolean hasCatalogFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(".csv"));
    } catch (IOException e) {
      return false;
    }
  }

  /** The file's text, from this source or its fallback; null when neither has it. */
  String read(String file) {
    String own = readOwn(file);
    if (own != null || fallback == null) {
      return own;
    }
    return fallback.read(file);
  }

  String where(String file) {
    if (folder != null && Files.isRegularFile(folder.resolve(file))) {
      return folder.resolve(file).toString();
    }
    if (folder != null && fallback != null) {
      return fallback.where(file);
    }
    return folder == null ? "bundled catalog " + file : folder.resolve(file).toString();
  }

  private String readOwn(String file) {
    if (folder == null) {
      try (InputStream in = CatalogSource.class.getResourceAsStream(BUILTIN + file)) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CatalogException("bundled catalog " + file + ": " + e.getMessage(), e);
      }
    }
    Path p = folder.resolve(file);
    if (!Files.isRegularFile(p)) {
      return null;
    }
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CatalogException(p + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /** Cloud names, one per {@code <cloud>.csv}: the folder's files, then the fallback's. */
  List<String> clouds() {
    Set<String> out = new LinkedHashSet<>();
    if (folder == null) {
      for (String c : props.getProperty("clouds", "").split(",")) {
        if (!c.isBlank()) {
          out.add(c.trim());
        }
      }
    } else {
      try (Stream<Path> s = Files.list(folder)) {
        s.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".csv") && !n.equals(ACCELERATORS))
            .sorted()
            .forEach(n -> out.add(n.substring(0, n.length() - 4)));
      } catch (IOException e) {
        throw new CatalogException(folder + ": cannot list (" + e.getMessage() + ")", e);
      }
      if (fallback != null) {
        out.addAll(fallback.clouds());
      }
    }
    return new ArrayList<>(out);
  }

  /** The snapshot date: {@code date=} in catalog.properties, else the newest file's day. */
  String date() {
    String d = props.getProperty("date");
    if (d != null) {
      return d.trim();
    }
    if (folder == null) {
      return "unknown";
    }
    try (Stream<Path> s = Files.list(folder)) {
      long newest = s.filter(p -> p.toString().endsWith(".csv"))
          .mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
      return newest == 0 ? "unknown"
          : Instant.ofEpochMilli(newest).atZone(ZoneOffset.UTC).toLocalDate().toString();
    } catch (IOException e) {
      return "unknown";
    }
  }

  String source() {
    String s = props.getProperty("source");
    if (folder == null) {
      return s == null ? "bundled" : "bundled: " + s.trim();
    }
    return folder + (s == null ? "" : ": " + s.trim());
  }
}
