package dev.sky4j.engine;

import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.requests.RequestLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a cluster's {@code config.hooks} for a user's {@code sky stop} ({@code stop}) or
 * {@code sky down} / {@code sky launch --down} ({@code down}) on the head, before its nodes go,
 * each with its own timeout. The head claims its one teardown first (autostop or a preemption
 * that got there first means these hooks do not run again). The hooks' output is kept here, at
 * {@code $SKY4J_HOME/logs/hooks/<cluster>/<event>.log}, since a downed cluster's disks are gone.
 * A hook that fails, or a head that cannot be reached, never blocks the teardown.
 */
final class TeardownHooks {
  private final ClusterAccess access;
  private final Path logRoot;

  TeardownHooks(ClusterAccess access, Path logRoot) {
    this.access = access;
    this.logRoot = logRoot;
  }

  /** The events a hook can run for, as {@code config.hooks[].events} names them. */
  static final List<String> EVENTS = List.of("stop", "down", "preemption");

  /** What {@link #run} saved for this cluster and event, or empty when it saved nothing. */
  Optional<String> saved(String cluster, String event) throws IOException {
    Path f = logFile(cluster, event);
    return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8)) : Optional.empty();
  }

  Path logFile(String cluster, String event) {
    return logRoot.resolve(cluster).resolve(event + ".log");
  }

  /** {@code info} null: the cluster cannot be reached (not UP), so no hook runs. */
  @SuppressWarnings("unchecked")
  void run(String cluster, ClusterInfo info, String event, RequestLog log) {
    if (info == null) {
      return;
    }
    try {
      Map<String, Object> r = access.agent(info).teardown(event);
      if (!Boolean.TRUE.equals(r.get("claimed"))) {
        log.stage("Not running " + event + " hooks: the cluster is already being torn down ("
            + r.get("claimedBy") + ")");
        return;
      }
      List<Object> outcomes = r.get("outcomes") instanceof List<?> l ? (List<Object>) l : List.of();
      if (outcomes.isEmpty()) {
        return;
      }
      Path f = logFile(cluster, event);
      Files.createDirectories(f.getParent());
      Files.writeString(f, "=== " + Instant.now() + " " + event + " hooks of " + cluster + ": "
          + outcomes + "\n" + r.getOrDefault("output", ""), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      log.stage("Ran " + outcomes.size() + " " + event + " hook(s) on " + cluster + ": " + outcomes
          + " (output: " + f + ")");
    } catch (IOException | RuntimeException e) {
      log.stage("Could not run the " + event + " hooks of " + cluster + " (" + e.getMessage()
          + "); going on with " + event);
    }
  }
}
