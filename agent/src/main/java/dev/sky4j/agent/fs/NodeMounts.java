package dev.sky4j.agent.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes mounts appear at absolute paths inside this node. With a private root ({@link
 * PrivateRoot}; the agent is root in its namespace) each one is a bind mount, recorded in {@code
 * .sky4j-agent/mounts.tsv} and bound again when the node starts (a new process is a new
 * namespace, as a rebooted VM re-reads its fstab). Without one, {@code /data} falls back to
 * {@code ~/data} (a symlink to the bucket, or a folder for copies) and the caller is told where.
 */
public final class NodeMounts {
  private static final String TABLE = "mounts.tsv";
  private static final List<String> SYSTEM = List.of("/proc", "/sys", "/dev", "/usr", "/bin",
      "/sbin", "/lib", "/lib64", "/etc", "/boot", "/run");
  private final Path home;
  private final Path agentDir;
  private final String fs;

  public NodeMounts(Path home, Path agentDir, String fs) {
    this.home = home;
    this.agentDir = agentDir;
    this.fs = fs == null || fs.isBlank() ? "shared: the node was started without a private root" : fs;
  }

  /** From the environment the wrapper (or the provider) gave this node. */
  public static NodeMounts forNode(Path home, Path agentDir) {
    return new NodeMounts(home, agentDir, System.getenv(PrivateRoot.FS_ENV));
  }

  public boolean isPrivate() {
    return fs.equals("private");
  }

  /** {@code private} or {@code shared: <why>}, for health answers and status output. */
  public String describe() {
    return fs;
  }

  /** Applies the mounts; answers each destination's path as the task sees it. */
  public synchronized Map<String, String> apply(List<Mount> mounts) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Mount m : mounts) {
      if (m.destination().startsWith("~/")) {
        // under home on every node, private root or not
        out.put(m.destination(), fallback(m, check("/" + m.destination().substring(2))));
        continue;
      }
      String dest = check(m.destination());
      out.put(m.destination(), isPrivate() ? bind(m, dest, true) : fallback(m, dest));
    }
    return out;
  }

  /** At node start: binds again what the table lists; a failure is logged, not fatal. */
  public void reapply() {
    if (!isPrivate()) {
      return;
    }
    for (Mount m : table()) {
      try {
        bind(m, m.destination(), false);
      } catch (IOException | RuntimeException e) {
        System.err.println("sky4j node: could not mount " + m.destination() + " again: " + e.getMessage());
      }
    }
  }

  private String bind(Mount m, String dest, boolean record) throws IOException {
    Path target = Path.of(dest);
    Path src = source(m, privateFolder(dest));
    List<Mount> table = table();
    boolean same = table.stream().anyMatch(t -> t.destination().equals(dest) && t.mode() == m.mode()
        && java.util.Objects.equals(t.source(), m.source()));
    if (same && isMountPoint(target)) {
      return dest;
    }
    // only our own earlier mount is replaced; a mount the host already has there is left alone
    if (table.stream().anyMatch(t -> t.destination().equals(dest)) && isMountPoint(target)) {
      run("umount", "-l", dest);
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(dest + " exists on this node and is not a folder; "
          + "choose another mount path");
    }
    Files.createDirectories(target);
    run("mount", "--bind", src.toString(), dest);
    if (record) {
      table.removeIf(t -> t.destination().equals(dest));
      table.add(new Mount(dest, m.source(), m.mode()));
      writeTable(table);
    }
    return dest;
  }

  private String fallback(Mount m, String dest) throws IOException {
    Path link = home.resolve(dest.substring(1));
    Files.createDirectories(link.getParent());
    if (m.mode() == Mount.Mode.BIND) {
      if (Files.isSymbolicLink(link)) {
        Files.delete(link);
      } else if (Files.isDirectory(link)) {
        try (Stream<Path> s = Files.list(link)) {
          if (s.findAny().isPresent()) {
            throw new IllegalArgumentException("~/" + dest.substring(1) + " already holds files; "
                + "move them before mounting storage there");
          }
        }
        Files.delete(link);
      }
      Files.createSymbolicLink(link, Path.of(m.source()));
    } else {
      source(m, link);
    }
    return "~/" + dest.substring(1);
  }

  /** The folder to bind: the source itself, or the node-private folder (seeded once). */
  private static Path source(Mount m, Path own) throws IOException {
    if (m.mode() == Mount.Mode.BIND) {
      Path src = Path.of(m.source());
      if (!Files.isDirectory(src)) {
        throw new IllegalArgumentException("mount source " + src + " is not a folder");
      }
      return src;
    }
    boolean fresh = !Files.isDirectory(own) || isEmpty(own);
    Files.createDirectories(own);
    if (fresh && m.source() != null && Files.isDirectory(Path.of(m.source()))) {
      TreeCopy.copy(Path.of(m.source()), own);
    }
    return own;
  }

  private Path privateFolder(String dest) {
    String name = dest.substring(1).replace("%", "%25").replace("/", "%2F");
    return agentDir.resolve("disk").resolve("mounts").resolve(name);
  }

  /** Refuses paths that would hide the system or the node's own files. */
  private String check(String dest) {
    Path p = Path.of(dest).normalize();
    String d = p.toString();
    if (!p.isAbsolute() || !d.equals(dest.replaceAll("/+$", "")) || d.equals("/")) {
      throw new IllegalArgumentException("mount path " + dest + " must be an absolute, normalized "
          + "path below / (e.g. /data)");
    }
    for (String s : SYSTEM) {
      if (d.equals(s) || d.startsWith(s + "/")) {
        throw new IllegalArgumentException("mount path " + dest + " lies in the system folder " + s
            + "; choose another path, e.g. /data");
      }
    }
    if (home.startsWith(p) || agentDir.startsWith(p)) {
      throw new IllegalArgumentException("mount path " + dest + " would hide the node's home "
          + home + "; choose another path, e.g. /data");
    }
    return d;
  }

  private List<Mount> table() {
    List<Mount> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(agentDir.resolve(TABLE))) {
        String[] f = line.split("\t", -1);
        if (f.length == 3) {
          out.add(new Mount(f[0], f[2].isEmpty() ? null : f[2], Mount.Mode.valueOf(f[1])));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // no table yet
    }
    return out;
  }

  private void writeTable(List<Mount> table) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Mount m : table) {
      sb.append(m.destination()).append('\t').append(m.mode()).append('\t')
          .append(m.source() == null ? "" : m.source()).append('\n');
    }
    Path tmp = agentDir.resolve(TABLE + ".tmp");
    Files.writeString(tmp, sb.toString());
    Files.move(tmp, agentDir.resolve(TABLE), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** Whether {@code p} is a mount point in this namespace ({@code /proc/self/mountinfo}, field 5). */
  static boolean isMountPoint(Path p) throws IOException {
    String want = p.toString();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      String[] f = line.split(" ");
      if (f.length > 4 && unescape(f[4]).equals(want)) {
        return true;
      }
    }
    return false;
  }

  /** mountinfo writes space, tab, newline and backslash as octal escapes. */
  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length()) {
        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void run(String... cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " did not finish in 20 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", cmd), e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: "
          + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }
  }
}
