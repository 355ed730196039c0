package dev.sky4j.agent.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether local-cloud nodes get a private filesystem view on this host, and why not. The answer
 * comes from running the real wrapper ({@link PrivateRoot}) once on a scratch folder, so every
 * reason a host can refuse (no {@code unshare}, not root and no user namespaces, a container
 * without {@code CAP_SYS_ADMIN}, seccomp) is caught the same way. {@code SKY4J_LOCAL_NAMESPACES=off}
 * (or the system property {@code sky4j.local.namespaces=off}) forces the fallback.
 */
public final class Namespaces {
  public static final String SWITCH_ENV = "SKY4J_LOCAL_NAMESPACES";
  public static final String SWITCH_PROPERTY = "sky4j.local.namespaces";
  private static volatile Availability probed;

  private Namespaces() {}

  /** A yes or a no with its reason, as {@code sky check} prints it. */
  public record Availability(boolean available, String reason) {
    public String describe() {
      return available ? "yes (" + reason + ")" : "no (" + reason + ")";
    }
  }

  /** The answer for nodes started now: the switch is read every time, the probe runs once. */
  public static Availability availability() {
    String sw = System.getProperty(SWITCH_PROPERTY, System.getenv(SWITCH_ENV));
    if (sw != null && List.of("off", "false", "0", "no").contains(sw.trim().toLowerCase(Locale.ROOT))) {
      return new Availability(false, "turned off by " + SWITCH_ENV + "=" + sw.trim());
    }
    Availability a = probed;
    if (a == null) {
      synchronized (Namespaces.class) {
        if (probed == null) {
          probed = probe();
        }
        a = probed;
      }
    }
    return a;
  }

  /** True when this process runs as root (uid 0); else the wrapper maps root in a user namespace. */
  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return false;
  }

  private static Availability probe() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return new Availability(false, "mount namespaces need Linux");
    }
    for (String tool : List.of("unshare", "mount", "umount", "mountpoint", "pivot_root")) {
      if (PrivateRoot.which(tool) == null) {
        return new Availability(false, tool + " not found (util-linux/coreutils)");
      }
    }
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("sky4j-ns-probe-");
      Path root = Files.createDirectory(scratch.resolve("root"));
      Path tmp = Files.createDirectory(scratch.resolve("tmp"));
      List<String> cmd = new ArrayList<>(PrivateRoot.wrap(root, tmp, Path.of("/"), List.of()));
      cmd.addAll(List.of("/bin/sh", "-c",
          "test \"$" + PrivateRoot.FS_ENV + "\" = private && test -d /proc/self && test -d /tmp"));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Availability(false, "the namespace probe did not finish in 20 s");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.exitValue() == 0) {
        return new Availability(true, "mount namespace via unshare"
            + (isRoot() ? "" : " in a user namespace"));
      }
      String last = out.isEmpty() ? "exit code " + p.exitValue() : out.lines().reduce((x, y) -> y).orElse(out);
      return new Availability(false, last.replaceFirst("^sky4j node: private filesystem unavailable \\((.*)\\).*$", "$1"));
    } catch (IOException e) {
      return new Availability(false, "could not run unshare: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Availability(false, "interrupted while probing");
    } finally {
      if (scratch != null) {
        deleteQuietly(scratch);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a scratch folder in the temp dir
    }
  }
}
