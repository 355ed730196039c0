package dev.sky4j.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.xfer.FileSystemFile;

/**
 * Uploads a folder over SFTP, sending only files whose size or modification time differ from the
 * node's copy (sshj preserves mtimes, so an unchanged file is skipped next time), and skipping
 * what {@link IgnoreRules} excludes. Remote files that vanished locally are left alone.
 */
public final class FolderSync {
  /** What a sync did. */
  public record Stats(int uploaded, int unchanged, int ignored) {}

  private FolderSync() {}

  /** {@code remoteDir} is relative to the node home unless absolute. */
  public static Stats sync(CommandRunner runner, Path localDir, String remoteDir) throws IOException {
    IgnoreRules rules = IgnoreRules.load(localDir);
    int[] counts = new int[3];
    try (SFTPClient sftp = runner.sftp()) {
      walk(sftp, rules, localDir, localDir, remoteDir, counts);
    }
    return new Stats(counts[0], counts[1], counts[2]);
  }

  private static void walk(SFTPClient sftp, IgnoreRules rules, Path root, Path dir, String remote,
      int[] counts) throws IOException {
    sftp.mkdirs(remote);
    Map<String, FileAttributes> there = new HashMap<>();
    for (RemoteResourceInfo r : sftp.ls(remote)) {
      there.put(r.getName(), r.getAttributes());
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    }
    for (Path p : entries) {
      String rel = root.relativize(p).toString().replace('\\', '/');
      boolean isDir = Files.isDirectory(p);
      if (rules.ignored(rel, isDir)) {
        counts[2]++;
        continue;
      }
      String target = remote + "/" + p.getFileName();
      if (isDir) {
        walk(sftp, rules, root, p, target, counts);
        continue;
      }
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      FileAttributes r = there.get(p.getFileName().toString());
      long mtime = a.lastModifiedTime().toMillis() / 1000;
      if (r != null && r.getSize() == a.size() && r.getMtime() == mtime) {
        counts[1]++;
        continue;
      }
      sftp.getFileTransfer().setPreserveAttributes(true);
      sftp.put(new FileSystemFile(p.toFile()), target);
      counts[0]++;
    }
  }
}
