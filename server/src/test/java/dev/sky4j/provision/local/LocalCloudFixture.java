package dev.sky4j.provision.local;

import dev.sky4j.paths.Sky4jPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A throwaway local cloud in a temp folder for tests. {@link #close} SIGKILLs every node process
 * (and job tree) found under it, whatever state the test left, then deletes the folder.
 */
final class LocalCloudFixture implements AutoCloseable {
  final Path root;
  final Sky4jPaths paths;
  final LocalProvider provider;

  LocalCloudFixture(String config) throws IOException {
    root = Files.createTempDirectory("sky4j-local-");
    paths = Sky4jPaths.under(root);
    Files.createDirectories(paths.sky4jHome());
    Files.writeString(paths.localCloudConfig(), config);
    provider = new LocalProvider(paths);
  }

  @Override
  public void close() throws IOException {
    Path dir = paths.localCloudDir();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> clusters = Files.list(dir)) {
        for (Path c : clusters.toList()) {
          try (Stream<Path> nodes = Files.list(c)) {
            nodes.filter(Files::isDirectory).forEach(NodeProcess::killHard);
          }
        }
      }
    }
    LocalLayout.deleteTree(root);
  }
}
