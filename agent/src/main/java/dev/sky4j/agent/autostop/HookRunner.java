package dev.sky4j.agent.autostop;

import dev.sky4j.agent.jobs.ProcessTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the lifecycle hooks for one event on this node, one after another, each through
 * {@code /bin/sh -c} in the node home with its own timeout (its whole process tree is killed
 * when it runs over). Output goes to {@code ~/sky_logs/hooks/<event>.log}. A failing or slow
 * hook never stops the teardown: the cluster still stops, as in SkyPilot.
 */
public final class HookRunner {
  /** In the agent folder while a hook runs: its process group, for a hard kill of the node. */
  public static final String PGID_FILE = "hook.pgid";

  private final Path home;

  public HookRunner(Path home) {
    this.home = home;
  }

  public Path logFile(String event) {
    return home.resolve("sky_logs").resolve("hooks").resolve(event + ".log");
  }

  /** Runs the hooks subscribed to {@code event}; returns how each ended (for the node log). */
  public List<String> run(List<LifecycleHook> hooks, String event) {
    return run(hooks, event, Long.MAX_VALUE);
  }

  /**
   * The same, all of them together cut off at {@code deadlineMillis} (epoch ms): a preemption
   * notice gives a fixed window, whatever the hooks' own timeouts say.
   */
  public List<String> run(List<LifecycleHook> hooks, String event, long deadlineMillis) {
    List<String> outcomes = new ArrayList<>();
    Path log = logFile(event);
    for (LifecycleHook h : hooks) {
      if (!h.events().contains(event)) {
        continue;
      }
      long left = deadlineMillis - System.currentTimeMillis();
      if (left <= 0) {
        outcomes.add("not run: the notice window was over");
        continue;
      }
      outcomes.add(runOne(h, event, log, Math.min(h.timeoutSeconds() * 1000L, left)));
    }
    return outcomes;
  }

  private String runOne(LifecycleHook h, String event, Path log, long limitMillis) {
    try {
      Files.createDirectories(log.getParent());
      append(log, "=== " + Instant.now() + " hook for '" + event + "' (timeout " + h.timeoutSeconds() + " s"
          + (limitMillis < h.timeoutSeconds() * 1000L ? ", cut at " + limitMillis + " ms by the notice window" : "")
          + ")\n");
      List<String> cmd = new ArrayList<>(ProcessTree.newSessionPrefix());
      cmd.addAll(List.of("/bin/sh", "-c", h.run()));
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().put("HOME", home.toString());
      pb.environment().put("SKY4J_HOOK_EVENT", event);
      Process p = pb.start();
      // a hook runs in its own session, so it outlives a node killed under it: the provider
      // kills this group too when it reclaims the node (no orphan left running its hour)
      Path pgids = home.resolve(dev.sky4j.agent.NodeConfig.AGENT_DIR).resolve(PGID_FILE);
      Files.writeString(pgids, Long.toString(p.pid()));
      try {
        return await(p, h, log, limitMillis);
      } finally {
        Files.deleteIfExists(pgids);
      }
    } catch (IOException e) {
      return "could not run: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private String await(Process p, LifecycleHook h, Path log, long limitMillis)
      throws IOException, InterruptedException {
    if (!p.waitFor(limitMillis, TimeUnit.MILLISECONDS)) {
      if (limitMillis < h.timeoutSeconds() * 1000L) {
        killNow(p); // the notice window is over: the machine goes now, no grace period
      } else {
        ProcessTree.kill(p.toHandle(), !ProcessTree.newSessionPrefix().isEmpty());
      }
      append(log, "=== timed out after " + limitMillis + " ms; killed\n");
      return "timed out after " + limitMillis + " ms";
    }
    append(log, "=== exit " + p.exitValue() + "\n");
    return "exit " + p.exitValue();
  }

  private static void killNow(Process p) {
    p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    if (!ProcessTree.newSessionPrefix().isEmpty()) {
      ProcessTree.signalGroup(p.pid(), "KILL");
    }
  }

  private static void append(Path log, String text) throws IOException {
    Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
