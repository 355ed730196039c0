package dev.sky4j.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.FileMode;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.xfer.FileSystemFile;

/**
 * Uploads a folder over SFTP, sending only files whose size or modification time differ from the
 * node's copy (sshj preserves mtimes, so an unchanged file is skipped next time), and skipping
 * what {@link IgnoreRules} excludes. Remote files that vanished locally are left alone.
 *
 * <p>Symbolic links are copied as links, as rsync does by default: the node gets a link with the
 * same target text, and the sync never follows one. So a link to {@code .} is one entry, not an
 * endless tree, and a link to a file outside the folder sends the link, never that file's
 * content. A link whose target text changed is made again. Sockets and pipes are skipped.
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
      walk(new Remote(sftp), rules, localDir, localDir, remoteDir, counts);
    }
    return new Stats(counts[0], counts[1], counts[2]);
  }

  private static void walk(Remote sftp, IgnoreRules rules, Path root, Path dir, String remote,
      int[] counts) throws IOException {
    sftp.client().mkdirs(remote);
    Map<String, FileAttributes> there = new HashMap<>();
    for (RemoteResourceInfo r : sftp.client().ls(remote)) {
      there.put(r.getName(), r.getAttributes());
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    }
    for (Path p : entries) {
      String rel = root.relativize(p).toString().replace('\\', '/');
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (rules.ignored(rel, a.isDirectory())) {
        counts[2]++;
        continue;
      }
      String target = remote + "/" + p.getFileName();
      FileAttributes r = there.get(p.getFileName().toString());
      if (a.isSymbolicLink()) {
        link(sftp, Files.readSymbolicLink(p).toString(), target, r, counts);
      } else if (a.isDirectory()) {
        sftp.clearUnless(target, r, FileMode.Type.DIRECTORY);
        walk(sftp, rules, root, p, target, counts);
      } else if (!a.isRegularFile()) {
        counts[2]++;
      } else {
        long mtime = a.lastModifiedTime().toMillis() / 1000;
        if (r != null && r.getType() == FileMode.Type.REGULAR && r.getSize() == a.size()
            && r.getMtime() == mtime) {
          counts[1]++;
          continue;
        }
        // never write through a link the node has where this file goes
        sftp.clearUnless(target, r, FileMode.Type.REGULAR);
        sftp.client().getFileTransfer().setPreserveAttributes(true);
        sftp.client().put(new FileSystemFile(p.toFile()), target);
        counts[0]++;
      }
    }
  }

  private static void link(Remote sftp, String linkTarget, String path, FileAttributes there,
      int[] counts) throws IOException {
    if (there != null && there.getType() == FileMode.Type.SYMLINK
        && linkTarget.equals(sftp.client().readlink(path))) {
      counts[1]++;
      return;
    }
    sftp.clearUnless(path, there, null);
    sftp.symlink(path, linkTarget);
    counts[0]++;
  }

  /** The SFTP session, with what a sync needs beyond sshj's calls. */
  private static final class Remote {
    private final SFTPClient client;
    private Boolean reversed;

    Remote(SFTPClient client) {
      this.client = client;
    }

    SFTPClient client() {
      return client;
    }

    /** Removes what is at {@code path} unless it is of type {@code keep} (null: remove anything). */
    void clearUnless(String path, FileAttributes there, FileMode.Type keep) throws IOException {
      if (there == null || there.getType() == keep) {
        return;
      }
      // recurse only into a real folder, never through a link to one (however it was listed)
      if (there.getType() == FileMode.Type.DIRECTORY
          && client.lstat(path).getType() == FileMode.Type.DIRECTORY) {
        for (RemoteResourceInfo r : client.ls(path)) {
          clearUnless(path + "/" + r.getName(), r.getAttributes(), null);
        }
        client.rmdir(path);
      } else {
        client.rm(path);
      }
    }

    /**
     * A link at {@code path} reading {@code target}. OpenSSH's sftp-server takes SYMLINK's two
     * paths in the opposite order from the draft that sshj follows; a probe in the same folder
     * tells which order this server uses, once per session.
     */
    void symlink(String path, String target) throws IOException {
      if (reversed == null) {
        reversed = probeReversed(path.substring(0, path.lastIndexOf('/')));
      }
      if (reversed) {
        client.symlink(target, path);
      } else {
        client.symlink(path, target);
      }
    }

    private boolean probeReversed(String dir) throws IOException {
      String a = dir + "/.sky4j-link-probe-a";
      String b = dir + "/.sky4j-link-probe-b";
      for (String p : new String[] {a, b}) {
        if (lexists(p)) {
          client.rm(p);
        }
      }
      client.symlink(a, b);
      boolean aIsLink = lexists(a);
      client.rm(aIsLink ? a : b);
      return !aIsLink;
    }

    private boolean lexists(String p) throws IOException {
      try {
        client.lstat(p);
        return true;
      } catch (net.schmizz.sshj.sftp.SFTPException e) {
        return false;
      }
    }
  }
}
