package dev.sky4j.agent.local;

import dev.sky4j.agent.NodeConfig;
import dev.sky4j.agent.NodeMain;
import dev.sky4j.agent.autostop.HookRunner;
import dev.sky4j.agent.jobs.ProcessTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A local-cloud node's OS process, found again from its pid file (the JVM that stops a node is
 * rarely the one that started it). A node may also stop itself (autostop): then its own process
 * is left alone here and the caller exits, since a JVM cannot signal itself.
 */
public final class LocalNodes {
  /** Marks a cleanly stopped node (its disk is kept); without it a dead node is TERMINATED. */
  public static final String STOPPED_FILE = "stopped";

  private LocalNodes() {}

  /** The live node process, if any (a recycled pid running something else does not count). */
  public static Optional<ProcessHandle> find(Path home) {
    Path pidFile = NodeConfig.agentDir(home).resolve(NodeMain.PID_FILE);
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> h.info().commandLine()
          .map(c -> c.contains(NodeMain.class.getName())).orElse(true));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes a node's pid file atomically (temp file, then rename). Both the provider and the node
   * itself write it; a plain write truncates first, and a reader in that instant saw an empty
   * file and took a starting node for a dead one.
   */
  public static void writePid(Path home, long pid) throws IOException {
    Path pidFile = NodeConfig.agentDir(home).resolve(NodeMain.PID_FILE);
    Path tmp = pidFile.resolveSibling(NodeMain.PID_FILE + "." + ProcessHandle.current().pid() + ".tmp");
    Files.writeString(tmp, Long.toString(pid));
    Files.move(tmp, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static boolean ready(Path home) {
    return Files.exists(NodeConfig.agentDir(home).resolve(NodeMain.READY_FILE)) && find(home).isPresent();
  }

  /** A clean stop: SIGTERM lets the node kill its jobs and close its servers. */
  public static void stop(Path home) throws IOException {
    Files.writeString(NodeConfig.agentDir(home).resolve(STOPPED_FILE), "");
    Optional<ProcessHandle> h = find(home).filter(p -> !isSelf(p));
    if (h.isEmpty()) {
      if (find(home).isEmpty()) {
        killGroups(home, HookRunner.PGID_FILE); // the node died under a running hook
      }
      return;
    }
    h.get().destroy();
    long deadline = System.currentTimeMillis() + 5000;
    while (h.get().isAlive() && System.currentTimeMillis() < deadline) {
      sleep();
    }
    if (h.get().isAlive()) {
      killHard(home);
    } else {
      killGroups(home, HookRunner.PGID_FILE); // a hook cut short by the stop must not run on
    }
  }

  /** As a cloud reclaiming the machine: SIGKILL the node and every job tree it started. */
  public static void killHard(Path home) {
    Optional<ProcessHandle> h = find(home).filter(p -> !isSelf(p));
    List<ProcessHandle> all = new ArrayList<>();
    h.ifPresent(p -> {
      all.add(p);
      p.descendants().forEach(all::add);
    });
    all.forEach(ProcessHandle::destroyForcibly);
    if (h.isPresent() || find(home).isEmpty()) {
      // the job groups of a node that is really going (not of the caller's own node)
      killGroups(home, "running.pgids", HookRunner.PGID_FILE);
    }
    long deadline = System.currentTimeMillis() + 3000;
    while (all.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
      sleep();
    }
  }

  /** SIGKILLs the process groups listed in the node's {@code files} (jobs, a running hook). */
  private static void killGroups(Path home, String... files) {
    for (String file : files) {
      try {
        for (String pgid : Files.readAllLines(NodeConfig.agentDir(home).resolve(file))) {
          if (!pgid.isBlank()) {
            ProcessTree.signalGroup(Long.parseLong(pgid.trim()), "KILL");
          }
        }
      } catch (IOException | NumberFormatException ignored) {
        // none was running
      }
    }
  }

  private static boolean isSelf(ProcessHandle p) {
    return p.pid() == ProcessHandle.current().pid();
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
