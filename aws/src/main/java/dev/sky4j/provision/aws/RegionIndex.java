package dev.sky4j.provision.aws;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Which region each AWS cluster lives in ({@code $SKY4J_HOME/aws/regions.properties}): the verbs
 * after launch get only a cluster name, and asking every region would cost a call per region. A
 * lost file is rebuilt from the instances' tags ({@link AwsProvider#listClusters}).
 */
final class RegionIndex {
  private final Path file;

  RegionIndex(Path file) {
    this.file = file;
  }

  synchronized String get(String cluster) {
    return load().getProperty(cluster);
  }

  synchronized void put(String cluster, String region) {
    Properties p = load();
    if (!region.equals(p.getProperty(cluster))) {
      p.setProperty(cluster, region);
      save(p);
    }
  }

  synchronized void remove(String cluster) {
    Properties p = load();
    if (p.remove(cluster) != null) {
      save(p);
    }
  }

  private Properties load() {
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader r = Files.newBufferedReader(file)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return p;
  }

  private void save(Properties p) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp)) {
        p.store(w, "sky4j: region of each AWS cluster");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
