package dev.sky4j.storage;

import dev.sky4j.client.Sizes;
import dev.sky4j.paths.PrivateFile;
import dev.sky4j.requests.RequestLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * COPY on the nodes without cloud keys there: the server presigns a GET URL per object (valid
 * for {@link #TTL}) and puts them in a curl config file (0600, deleted after use), and each node
 * downloads them in parallel with plain curl. The URLs never appear on a command line, in a log
 * or in the state store.
 */
public final class NodeCopy {
  static final Duration TTL = Duration.ofHours(1);
  private final Path scratch;

  /** {@code scratch}: a private folder on this machine for the config files while they are sent. */
  public NodeCopy(Path scratch) {
    this.scratch = scratch;
  }

  /** Downloads {@code m}'s objects to {@code nodePath} (as the task's shell sees it) on every node. */
  public int apply(BucketMount m, String nodePath, NodeShell nodes, RequestLog log)
      throws IOException {
    List<StoredObject> objects = m.store().list(m.path());
    String dir = relativeToHome(nodePath);
    StringBuilder conf = new StringBuilder("create-dirs\nfail\nsilent\nshow-error\nretry = 3\n"
        + "parallel\nparallel-max = 16\n");
    int n = 0;
    long bytes = 0;
    for (StoredObject o : objects) {
      String rel = relative(m.path(), o.key());
      if (rel == null) {
        continue;
      }
      String out = rel.isEmpty() ? dir : dir + "/" + rel;
      conf.append("url = ").append(quote(m.store().presignGet(m.path().bucket(), o.key(), TTL)
          .toString())).append("\noutput = ").append(quote(out)).append('\n');
      n++;
      bytes += o.size();
    }
    String ro = m.readOnly() ? " && chmod -R a-w " + sh(dir) : "";
    if (n == 0) {
      nodes.runOnEach("cd ~ && mkdir -p " + sh(dir) + ro);
      log.stage("Storage " + m.path() + " is empty: nothing to copy to " + nodePath);
      return 0;
    }
    Files.createDirectories(scratch);
    Path file = Files.createTempFile(scratch, "copy-", ".curl");
    String remote = ".sky4j-storage/" + file.getFileName();
    try {
      PrivateFile.write(file, conf.toString(), "rw-------");
      log.stage("Copying " + n + " objects (" + Sizes.human(bytes) + ") of " + m.path() + " to "
          + nodePath + " on each node (presigned URLs, no keys on the nodes)");
      nodes.copyToEach(file, remote);
      nodes.runOnEach("cd ~ && chmod 600 " + remote + " && mkdir -p " + sh(dir)
          + " && { curl -K " + remote + "; rc=$?; rm -f " + remote + "; [ $rc = 0 ] || exit $rc; }"
          + ro);
    } finally {
      Files.deleteIfExists(file);
    }
    return n;
  }

  /** The object's path under the mount, or null for a folder marker or an unsafe key. */
  static String relative(BucketPath p, String key) {
    String rel;
    if (p.prefix().isEmpty()) {
      rel = key;
    } else if (key.equals(p.prefix())) {
      return "";
    } else if (key.startsWith(p.prefix() + "/")) {
      rel = key.substring(p.prefix().length() + 1);
    } else {
      return null;
    }
    if (rel.isEmpty() || rel.endsWith("/") || rel.startsWith("/")
        || ("/" + rel + "/").contains("/../") || ("/" + rel + "/").contains("/./")) {
      return null;
    }
    return rel;
  }

  /** {@code ~/x} and {@code x} are under the login home (the command runs there); {@code /x} is absolute. */
  static String relativeToHome(String nodePath) {
    return nodePath.startsWith("~/") ? nodePath.substring(2) : nodePath;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String sh(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
