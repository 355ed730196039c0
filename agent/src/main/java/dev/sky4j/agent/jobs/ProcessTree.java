package dev.sky4j.agent.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kills a job the way a user expects: the whole tree, not only the shell. Job processes start in
 * their own session ({@code setsid}), so the process group id equals the leader's pid and one
 * {@code kill -- -PGID} also reaches children that were re-parented to init. Descendants are
 * signalled too, for hosts without {@code setsid}. TERM first, KILL after a grace period.
 */
public final class ProcessTree {
  private static final long GRACE_MILLIS = 2000;
  private static final String SETSID = findSetsid();

  private ProcessTree() {}

  /** The prefix that puts a command into its own session, or an empty list if unavailable. */
  public static List<String> newSessionPrefix() {
    return SETSID == null ? List.of() : List.of(SETSID);
  }

  /** TERM, wait, then KILL the tree under {@code root}; {@code ownGroup} if root leads a group. */
  public static void kill(ProcessHandle root, boolean ownGroup) {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(root);
    root.descendants().forEach(all::add);
    boolean group = ownGroup && SETSID != null;
    if (group) {
      signalGroup(root.pid(), "TERM");
    }
    all.forEach(ProcessHandle::destroy);
    long deadline = System.currentTimeMillis() + GRACE_MILLIS;
    while (System.currentTimeMillis() < deadline && all.stream().anyMatch(ProcessHandle::isAlive)) {
      sleep(20);
    }
    if (group) {
      signalGroup(root.pid(), "KILL");
    }
    all.forEach(ProcessHandle::destroyForcibly);
  }

  /** Sends a signal to a whole process group; a group that is already gone is not an error. */
  public static void signalGroup(long pgid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (Exception e) {
      // no kill(1): descendants are still destroyed one by one by the caller
    }
  }

  private static String findSetsid() {
    for (String p : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    return null;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
