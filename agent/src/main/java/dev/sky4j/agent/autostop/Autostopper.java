package dev.sky4j.agent.autostop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The head's autostop timer (SkyPilot's {@code StopEvent}). Every tick it asks whether the
 * cluster is busy — a live job, or for {@code JOBS_AND_SSH} any user SSH activity on any node —
 * and measures idleness from the latest of: the last activity, the last job submission, the
 * moment autostop was set, and this node's boot. Once idle long enough it marks the cluster
 * AUTOSTOPPING (answer and {@link #MARKER_FILE}), claims the node's {@link Teardown} (a user's
 * stop/down or a preemption that got there first wins, and autostop stands down), runs the
 * stop/down hooks, stops the workers and the head through {@link SelfStop}, and exits the head
 * process. Job submissions pass through {@link #admit} so none is accepted once it has fired.
 */
public final class Autostopper {
  /** In the head's agent folder while autostop is stopping the cluster: "stop" or "down". */
  public static final String MARKER_FILE = "autostopping";

  private final Path agentDir;
  private final AutostopStore store;
  private final ClusterActivity activity;
  private final Teardown teardown;
  private final SelfStop selfStop;
  private final LongSupplier lastSubmit;
  private final long bootMillis;
  private final Runnable exit;
  private AutostopConfig config;
  private volatile String stopping;

  /** {@code selfStop} null: this cloud cannot stop itself from the node; setting autostop fails. */
  public Autostopper(Path agentDir, AutostopStore store, ClusterActivity activity, Teardown teardown,
      SelfStop selfStop, LongSupplier lastSubmit, long bootMillis, Runnable exit) throws IOException {
    this.agentDir = agentDir;
    this.store = store;
    this.activity = activity;
    this.teardown = teardown;
    this.selfStop = selfStop;
    this.lastSubmit = lastSubmit;
    this.bootMillis = bootMillis;
    this.exit = exit;
    this.config = store.loadConfig();
    Files.deleteIfExists(agentDir.resolve(MARKER_FILE)); // a restarted node is no longer stopping
  }

  /** Sets (or with null cancels) autostop; the idle timer restarts now. */
  public synchronized Map<String, Object> set(AutostopConfig c) throws IOException {
    if (c != null && selfStop == null) {
      throw new IllegalArgumentException("autostop is not supported on this cloud yet");
    }
    if (stopping != null) {
      throw new IllegalStateException("the cluster is already autostopping");
    }
    store.saveConfig(c);
    config = c;
    return status();
  }

  /**
   * Runs a job submission unless autostop has fired: the decision to stop and the submission
   * (which resets the idle timer) exclude each other, so a job is either refused or keeps the
   * cluster up, never accepted to die with the node.
   */
  public synchronized <T> T admit(Supplier<T> submit) {
    if (stopping != null) {
      throw new IllegalStateException("autostopping: the cluster is stopping (autostop, "
          + stopping + "); no new jobs are accepted");
    }
    return submit.get();
  }

  public synchronized Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", config != null);
    if (config != null) {
      m.putAll(config.toJson());
      long idle = idleMillis(config);
      m.put("idleForSeconds", idle / 1000);
      m.put("secondsLeft", Math.max(0, config.idleSeconds() - idle / 1000));
    }
    m.put("autostopping", stopping != null);
    m.put("autostoppingTo", stopping);
    m.put("teardownClaimedBy", teardown.claimedBy());
    m.put("hooks", store.loadHooks().stream().map(h -> Map.of("events", h.events(),
        "timeoutSeconds", h.timeoutSeconds())).toList());
    return m;
  }

  public boolean autostopping() {
    return stopping != null;
  }

  /** Starts the timer thread (daemon). */
  public void start(long tickMillis) {
    Thread t = new Thread(() -> {
      while (stopping == null) {
        try {
          Thread.sleep(tickMillis);
          tick();
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          System.err.println(Instant.now() + " autostop check failed: " + e);
        }
      }
    }, "autostop");
    t.setDaemon(true);
    t.start();
  }

  /** One check; stops the cluster (and exits) when it has been idle long enough. */
  void tick() {
    AutostopConfig c;
    synchronized (this) {
      c = config;
      if (c == null || stopping != null || idleMillis(c) < c.idleSeconds() * 1000) {
        return;
      }
      if (!teardown.tryClaim(c.down() ? "down" : "stop")) {
        return; // a user's stop/down or a preemption is already tearing the node down
      }
      stopping = c.down() ? "down" : "stop";
    }
    fire(c);
  }

  /** How long the cluster has counted as idle under {@code c}'s rule. */
  private long idleMillis(AutostopConfig c) {
    long now = System.currentTimeMillis();
    long reset = Math.max(Math.max(bootMillis, c.setAtMillis()), lastSubmit.getAsLong());
    long idle = now - reset;
    if (!c.waitFor().equals(AutostopConfig.NONE)) {
      boolean ssh = c.waitFor().equals(AutostopConfig.JOBS_AND_SSH);
      List<NodeActivity> nodes = activity.nodes(ssh);
      idle = Math.min(idle, ClusterActivity.jobIdleMillis(nodes));
      if (ssh) {
        idle = Math.min(idle, ClusterActivity.sshIdleMillis(nodes));
      }
    }
    return Math.max(0, idle);
  }

  private void fire(AutostopConfig c) {
    String event = c.down() ? "down" : "stop";
    try {
      Files.writeString(agentDir.resolve(MARKER_FILE), event + "\n");
      log("idle for " + c.idleSeconds() + " s (wait for " + c.waitFor() + "): autostop (" + event + ")");
      teardown.runHooks(event, Long.MAX_VALUE);
      selfStop.stopCluster(c.down());
      log("workers " + (c.down() ? "terminated" : "stopped") + "; the head exits now");
      exit.run();
    } catch (IOException | RuntimeException e) {
      log("autostop failed, the cluster stays up and the timer restarts: " + e);
      synchronized (this) {
        teardown.release(event);
        stopping = null;
        config = new AutostopConfig(c.idleSeconds(), c.down(), c.waitFor(), System.currentTimeMillis());
      }
      try {
        Files.deleteIfExists(agentDir.resolve(MARKER_FILE));
      } catch (IOException ignored) {
        // best effort
      }
    }
  }

  private static void log(String msg) {
    System.err.println(Instant.now() + " autostop: " + msg);
  }
}
