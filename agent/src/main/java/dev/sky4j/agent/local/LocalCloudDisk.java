package dev.sky4j.agent.local;

import dev.sky4j.agent.NodeConfig;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local cloud's tree under {@code $SKY4J_HOME}: {@code local/<cluster>/node-<rank>} homes and
 * the lock every process takes before changing it ({@code locks/local-cloud.lock}). Stopping and
 * terminating a cluster live here so the server and a node stopping itself share them.
 */
public record LocalCloudDisk(Path sky4jHome) {

  /** The tree a node belongs to, from its home {@code <sky4jHome>/local/<cluster>/node-N}. */
  public static LocalCloudDisk ofNodeHome(Path home) {
    return new LocalCloudDisk(home.toAbsolutePath().getParent().getParent().getParent());
  }

  public Path localDir() {
    return sky4jHome.resolve("local");
  }

  public Path clusterDir(String cluster) {
    return localDir().resolve(cluster);
  }

  public Path lockFile() {
    return sky4jHome.resolve("locks").resolve("local-cloud.lock");
  }

  /** Work on the tree under a lock shared by every process (and every thread of this one). */
  public interface Locked<T, E extends Exception> {
    T run() throws IOException, E;
  }

  public <T, E extends Exception> T locked(Locked<T, E> action) throws IOException, E {
    synchronized (LocalCloudDisk.class) {
      Files.createDirectories(lockFile().getParent());
      try (FileChannel ch = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock ignored = ch.lock()) {
        return action.run();
      }
    }
  }

  /** The cluster's node homes in rank order (head first); empty when it has none. */
  public List<Path> nodeHomes(String cluster) {
    Path dir = clusterDir(cluster);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("node-"))
          .filter(p -> Files.exists(NodeConfig.agentDir(p).resolve(NodeConfig.FILE)))
          .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(5))))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Stops the nodes (disks kept), workers only when asked; the caller's own node is marked only. */
  public void stop(String cluster, boolean workersOnly) throws IOException {
    for (Path h : selected(cluster, workersOnly)) {
      LocalNodes.stop(h);
    }
  }

  /** Kills the nodes and deletes their homes (and the cluster folder unless workers only). */
  public void terminate(String cluster, boolean workersOnly) throws IOException {
    locked(() -> {
      for (Path h : selected(cluster, workersOnly)) {
        LocalNodes.killHard(h);
        deleteTree(h);
      }
      if (!workersOnly) {
        deleteTree(clusterDir(cluster));
      }
      return null;
    });
  }

  private List<Path> selected(String cluster, boolean workersOnly) {
    List<Path> homes = nodeHomes(cluster);
    return workersOnly && !homes.isEmpty() ? homes.subList(1, homes.size()) : homes;
  }

  /**
   * Deletes a tree without crossing into another filesystem: a node's private root lives in
   * its own mount namespace, and should a bind mount of the host's folders ever be visible here,
   * walking into it would delete the host's files.
   */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Object dev = device(root);
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        return dev == null || dev.equals(device(dir)) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          throw e;
        }
        return FileVisitResult.CONTINUE; // deleted meanwhile
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        try {
          Files.deleteIfExists(dir);
        } catch (java.nio.file.DirectoryNotEmptyException mountPointLeft) {
          // a mount point below it was skipped: leave the folder rather than touch what is mounted
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static Object device(Path p) {
    try {
      return Files.getAttribute(p, "unix:dev", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }
}
