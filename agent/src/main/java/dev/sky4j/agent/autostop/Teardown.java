package dev.sky4j.agent.autostop;

import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.agent.http.HttpJsonClient;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one teardown a node goes through (SkyPilot's {@code hook_executor.try_claim_teardown}):
 * autostop, a user's {@code sky stop} / {@code sky down}, or a preemption notice claims it with
 * a compare-and-set, and only the winner runs its hooks ({@code stop}, {@code down} or
 * {@code preemption}). The claim lives as long as the node process: a node that is started again
 * can be torn down again. Hooks are stored on every node (the head forwards them to its
 * workers), since a preemption notice reaches the node being reclaimed, not the head.
 */
public final class Teardown {
  /** The most hook output handed back to the caller (the whole log stays on the node). */
  static final int OUTPUT_TAIL_BYTES = 64 * 1024;

  private final AutostopStore store;
  private final HookRunner hooks;
  private final List<String> workerPeers;
  private final AgentSecret secret;
  private final AtomicReference<String> claimed = new AtomicReference<>();

  /** {@code workerPeers}: {@code ip:agentPort} of every worker (empty on a worker itself). */
  public Teardown(AutostopStore store, HookRunner hooks, List<String> workerPeers,
      AgentSecret secret) {
    this.secret = secret;
    this.store = store;
    this.hooks = hooks;
    this.workerPeers = List.copyOf(workerPeers);
  }

  /** True for the first caller only; later ones see {@link #claimedBy()}. */
  public boolean tryClaim(String event) {
    return claimed.compareAndSet(null, event);
  }

  /** Gives a claim back (a teardown that failed, so the next one may run its hooks). */
  void release(String event) {
    claimed.compareAndSet(event, null);
  }

  /** The event that claimed the teardown, or null while none has. */
  public String claimedBy() {
    return claimed.get();
  }

  /** Stores the hooks here and on every worker (a worker that does not answer keeps its old ones). */
  public void setHooks(List<LifecycleHook> list) throws IOException {
    store.saveHooks(list);
    for (String peer : workerPeers) {
      try {
        HttpJsonClient.peer(peer, secret).post("/hooks?scope=node",
            Map.of("hooks", list.stream().map(LifecycleHook::toJson).toList()));
      } catch (IOException | RuntimeException e) {
        log("could not hand the hooks to worker " + peer + ": " + e.getMessage());
      }
    }
  }

  /** Stores the hooks on this node only (what the head's forward lands in). */
  public void setLocalHooks(List<LifecycleHook> list) throws IOException {
    store.saveHooks(list);
  }

  /** Runs the hooks of {@code event} (already claimed), all done by {@code deadlineMillis}. */
  List<String> runHooks(String event, long deadlineMillis) {
    List<String> outcomes = hooks.run(store.loadHooks(), event, deadlineMillis);
    for (String o : outcomes) {
      log(event + " hook: " + o);
    }
    return outcomes;
  }

  /**
   * Claims the teardown for {@code event} and runs its hooks, or says who holds it. Answers
   * {@code claimed}, {@code claimedBy}, the hooks' {@code outcomes} and the {@code output} they
   * wrote this time (its tail), so the caller can keep it once the node and its disk are gone.
   */
  public Map<String, Object> claimAndRun(String event, long deadlineMillis) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", event);
    if (!tryClaim(event)) {
      m.put("claimed", false);
      m.put("claimedBy", claimedBy());
      return m;
    }
    Path logFile = hooks.logFile(event);
    long before = size(logFile);
    log("teardown claimed by " + event);
    m.put("claimed", true);
    m.put("claimedBy", event);
    m.put("outcomes", runHooks(event, deadlineMillis));
    m.put("output", tail(logFile, before));
    m.put("log", logFile.toString());
    return m;
  }

  private static long size(Path f) {
    try {
      return Files.exists(f) ? Files.size(f) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static String tail(Path f, long from) {
    try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
      long start = Math.max(from, r.length() - OUTPUT_TAIL_BYTES);
      byte[] b = new byte[(int) (r.length() - start)];
      r.seek(start);
      r.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return ""; // no hook for this event wrote anything
    }
  }

  static void log(String msg) {
    System.err.println(Instant.now() + " teardown: " + msg);
  }
}
