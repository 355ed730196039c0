package dev.sky4j.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Puts refreshed cloud files into the override folder ({@code ~/.sky4j/catalogs}) all at once or
 * not at all. The new set is built in a sibling folder (a copy of the current one plus the new
 * files, the accelerator list extended, a {@code catalog.properties} with the fetch date), loaded
 * and checked there, and only then renamed into place; a file that fails to load leaves the
 * current folder as it was.
 */
public final class CatalogInstall {
  private CatalogInstall() {}

  /** What was installed. */
  public record Installed(Path folder, String date, int offers, List<String> clouds) {}

  /**
   * Installs {@code files} (cloud name to text in sky4j's layout) into {@code folder}.
   *
   * @throws CatalogException when a file does not load; nothing is changed then
   */
  public static Installed install(Path folder, Map<String, String> files, String source,
      Instant fetchedAt) {
    Path parent = folder.toAbsolutePath().getParent();
    Path stage = null;
    try {
      Files.createDirectories(parent);
      stage = Files.createTempDirectory(parent, ".catalogs-new-");
      if (Files.isDirectory(folder)) {
        copyTree(folder, stage);
      }
      for (Map.Entry<String, String> e : files.entrySet()) {
        Files.writeString(stage.resolve(e.getKey() + ".csv"), e.getValue(), StandardCharsets.UTF_8);
      }
      String date = fetchedAt.atZone(ZoneOffset.UTC).toLocalDate().toString();
      Files.writeString(stage.resolve(CatalogSource.PROPERTIES), "# written by `sky catalog "
          + "refresh`; delete this folder to go back to the bundled catalog\n"
          + "date=" + date + "\nfetched_at=" + fetchedAt + "\nsource=" + source.replace("\n", " ")
          + "\n", StandardCharsets.UTF_8);
      Catalog staged = Catalog.withOverrides(stage);
      int offers = 0;
      List<Offer> fresh = new ArrayList<>();
      for (String cloud : files.keySet()) {
        List<Offer> os = staged.offers(cloud); // parses: a bad file fails here, before the swap
        offers += (int) os.stream().filter(Offer::hasPrice).count();
        fresh.addAll(os);
      }
      Map<String, AcceleratorInfo> known = new java.util.TreeMap<>();
      staged.accelerators().forEach(a -> known.put(CloudTable.key(a.name()), a));
      Files.writeString(stage.resolve(CatalogSource.ACCELERATORS),
          AcceleratorFile.write(AcceleratorFile.merge(known, fresh)), StandardCharsets.UTF_8);
      swap(stage, folder);
      stage = null;
      return new Installed(folder, date, offers, List.copyOf(files.keySet()));
    } catch (IOException e) {
      throw new CatalogException("cannot write the catalog under " + parent + ": " + e.getMessage()
          + "; check that the folder is writable", e);
    } finally {
      if (stage != null) {
        deleteTree(stage);
      }
    }
  }

  /** Renames {@code stage} onto {@code folder}; the old folder is moved aside first. */
  private static void swap(Path stage, Path folder) throws IOException {
    Path old = null;
    if (Files.exists(folder)) {
      old = folder.resolveSibling(".catalogs-old-" + System.nanoTime());
      move(folder, old);
    }
    move(stage, folder);
    if (old != null) {
      deleteTree(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (Files.isRegularFile(p)) {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path p) {
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(x -> {
        try {
          Files.deleteIfExists(x);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a leftover temp folder is harmless: its name starts with a dot and is never read
    }
  }
}
