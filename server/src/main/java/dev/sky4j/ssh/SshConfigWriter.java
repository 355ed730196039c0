package dev.sky4j.ssh;

import dev.sky4j.paths.Sky4jPaths;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SSH by name (reference §3): one file per cluster in {@code generated/ssh/<cluster>} with a
 * {@code Host} for the head ({@code <cluster>}) and each worker ({@code <cluster>-workerN}), and
 * one {@code Include} of that folder at the top of the user's OpenSSH config. The Include must
 * precede every {@code Host}/{@code Match} line (inside a block it would be scoped to that block);
 * the user's own bytes are kept exactly and in order below it. Writes are atomic and serialized by
 * a file lock, so concurrent launches never interleave.
 */
public final class SshConfigWriter {
  /** One {@code Host} stanza; {@code proxyCommand} null = connect directly. */
  public record HostEntry(String alias, String hostName, int port, String user, Path identityFile,
      String proxyCommand) {
    public HostEntry(String alias, String hostName, int port, String user, Path identityFile) {
      this(alias, hostName, port, user, identityFile, null);
    }
  }

  private static final Pattern BLOCK_START = Pattern.compile("^\\s*(Host|Match)\\s.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern SAFE_ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private final Sky4jPaths paths;

  public SshConfigWriter(Sky4jPaths paths) {
    this.paths = paths;
  }

  /** The line this writer keeps at the top of the user's config. */
  public String includeLine() {
    return "Include " + paths.display(paths.generatedSshDir()) + "/*";
  }

  /** Writes the cluster's file and makes sure the user's config includes the folder. */
  public void writeCluster(String cluster, List<HostEntry> hosts) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (HostEntry h : hosts) {
      if (!SAFE_ALIAS.matcher(h.alias()).matches()) {
        throw new IllegalArgumentException("'" + h.alias() + "' cannot be an SSH host name: use "
            + "letters, digits, '.', '_' and '-' in the cluster name");
      }
      sb.append("# Added by sky4j (use `sky stop/down ").append(cluster).append("` to remove)\n")
          .append("Host ").append(h.alias()).append('\n')
          .append("  HostName ").append(h.hostName()).append('\n')
          .append("  User ").append(h.user()).append('\n')
          .append("  IdentityFile ").append(paths.display(h.identityFile())).append('\n')
          .append("  IdentitiesOnly yes\n")
          .append("  StrictHostKeyChecking no\n")
          .append("  UserKnownHostsFile=/dev/null\n")
          .append("  GlobalKnownHostsFile=/dev/null\n")
          .append("  LogLevel ERROR\n")
          .append("  Port ").append(h.port()).append('\n');
      if (h.proxyCommand() != null) {
        if (h.proxyCommand().contains("\n") || h.proxyCommand().contains("\r")) {
          throw new IllegalArgumentException("the SSH proxy command of " + cluster + " has a line "
              + "break; write it on one line (aws.ssh_proxy_command in ~/.sky4j/config.yaml)");
        }
        // so `ssh <cluster>` and VS Code reach a private node the way the server does
        sb.append("  ProxyCommand ").append(h.proxyCommand()).append('\n');
      }
      sb.append('\n');
    }
    withLock(() -> {
      Path dir = paths.generatedSshDir();
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      atomicWrite(dir.resolve(cluster), sb.toString().getBytes(StandardCharsets.UTF_8),
          PosixFilePermissions.fromString("rw-r--r--"));
      ensureInclude();
    });
  }

  /** Forgets the cluster (stop/down). The Include stays, as SkyPilot's does. */
  public void removeCluster(String cluster) throws IOException {
    withLock(() -> Files.deleteIfExists(paths.generatedSshDir().resolve(cluster)));
  }

  private void ensureInclude() throws IOException {
    Path config = paths.sshConfig();
    Path target = Files.isSymbolicLink(config) ? config.toRealPath() : config;
    byte[] old = Files.exists(target) ? Files.readAllBytes(target) : new byte[0];
    String text = new String(old, StandardCharsets.UTF_8);
    String want = includeLine();
    for (String line : text.split("\n", -1)) {
      if (BLOCK_START.matcher(line).matches()) {
        break;
      }
      if (line.trim().equals(want)) {
        return; // already at the top
      }
    }
    String header = "# Added by sky4j: SSH access to clusters by name\n" + want + "\n\n";
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[h.length + old.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(old, 0, out, h.length, old.length);
    Files.createDirectories(target.getParent());
    Set<PosixFilePermission> mode = Files.exists(target)
        ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
        : PosixFilePermissions.fromString("rw-r--r--");
    atomicWrite(target, out, mode);
  }

  private static void atomicWrite(Path target, byte[] bytes, Set<PosixFilePermission> mode)
      throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".sky4j-tmp");
    Files.write(tmp, bytes);
    Files.setPosixFilePermissions(tmp, mode);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private interface IoAction {
    void run() throws IOException;
  }

  /** The JVM monitor first (a second FileChannel.lock in one JVM throws), then the file lock. */
  private void withLock(IoAction action) throws IOException {
    synchronized (SshConfigWriter.class) {
      Files.createDirectories(paths.locksDir());
      try (FileChannel ch = FileChannel.open(paths.locksDir().resolve(".ssh_config.lock"),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock ignored = ch.lock()) {
        action.run();
      }
    }
  }
}
