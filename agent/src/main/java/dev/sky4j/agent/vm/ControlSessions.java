package dev.sky4j.agent.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * sky4j's own SSH connections to a VM, which must not keep it awake: the server's warm
 * connection marks itself once by running {@link #MARK_COMMAND}, which leaves the pid of its
 * sshd session process (the shell's parent, {@code sshd: user@notty}) in
 * {@code ~/.sky4j-agent/control-sessions/}. OpenSSH runs one such process per connection, so
 * the live marked ones are the connections to leave out of the count. The marker goes stale
 * when that process ends (checked through {@code /proc/<pid>/cmdline}, so a reused pid does
 * not count).
 */
public final class ControlSessions {
  public static final String DIR = "control-sessions";
  /** What a control client runs once per connection (POSIX sh, as the login shell runs it). */
  public static final String MARK_COMMAND =
      "mkdir -p ~/.sky4j-agent/" + DIR + " && : > ~/.sky4j-agent/" + DIR + "/$PPID";

  private final Path dir;
  private final Path proc;

  public ControlSessions(Path dir, Path proc) {
    this.dir = dir;
    this.proc = proc;
  }

  /** Marked sessions whose sshd process still runs; stale markers are removed. */
  public int live() {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int n = 0;
    try (DirectoryStream<Path> markers = Files.newDirectoryStream(dir)) {
      for (Path m : markers) {
        if (isSshd(m.getFileName().toString())) {
          n++;
        } else {
          Files.deleteIfExists(m);
        }
      }
    } catch (IOException e) {
      return n; // a marker vanished under us: count what was seen
    }
    return n;
  }

  private boolean isSshd(String pid) {
    if (!pid.chars().allMatch(Character::isDigit)) {
      return false;
    }
    try {
      return new String(Files.readAllBytes(proc.resolve(pid).resolve("cmdline")),
          StandardCharsets.UTF_8).startsWith("sshd:");
    } catch (IOException e) {
      return false;
    }
  }
}
