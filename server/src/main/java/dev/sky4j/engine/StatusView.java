package dev.sky4j.engine;

import dev.sky4j.client.dto.ClusterRecord;
import dev.sky4j.client.dto.CostEntry;
import dev.sky4j.provision.NodeState;
import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStatus;
import dev.sky4j.state.ClusterStore;
import dev.sky4j.state.NodeRow;
import dev.sky4j.state.ResourcesText;
import dev.sky4j.state.UsageRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sky status} and {@code sky cost-report} from the state store, and the refresh that asks
 * the providers what really runs (a node killed while nobody looked shows up here).
 */
final class StatusView {
  private final ClusterStore clusters;
  private final Providers providers;
  private final Released released;

  /** What else must go when a refresh finds a cluster stopped or gone (connections, SSH config). */
  interface Released {
    void stopped(String cluster);

    void gone(String cluster);
  }

  StatusView(ClusterStore clusters, Providers providers, Released released) {
    this.clusters = clusters;
    this.providers = providers;
    this.released = released;
  }

  List<ClusterRecord> status(List<String> names, boolean refresh) {
    List<ClusterRecord> out = new ArrayList<>();
    for (ClusterRow r : clusters.list()) {
      if (!names.isEmpty() && names.stream().noneMatch(n -> glob(n, r.name()))) {
        continue;
      }
      ClusterRow row = refresh || changesByItself(r) ? refresh(r) : r;
      if (row != null) {
        out.add(record(row));
      }
    }
    return out;
  }

  /**
   * Whether the cluster may change state with nobody asking, so that even a plain {@code sky
   * status} asks its provider, as SkyPilot's does: autostop set (the head stops itself, the
   * server may be told nothing), autostopping right now, or spot (preemption).
   */
  static boolean changesByItself(ClusterRow r) {
    return r.status().running() && (r.autostopMinutes() != null || r.spot()
        || r.status() == ClusterStatus.AUTOSTOPPING);
  }

  /** Asks the provider; returns the updated row (saved), or null when the cluster is gone. */
  ClusterRow refresh(ClusterRow r) {
    if (!providers.has(r.cloud()) || r.status() == ClusterStatus.INIT) {
      return r;
    }
    Map<String, NodeState> states;
    try {
      states = providers.get(r.cloud()).queryInstances(r.name());
    } catch (RuntimeException e) {
      return r;
    }
    long running = states.values().stream().filter(s -> s == NodeState.RUNNING).count();
    long stopped = states.values().stream().filter(s -> s == NodeState.STOPPED).count();
    boolean autostopping = states.values().stream().anyMatch(s -> s == NodeState.STOPPING);
    ClusterRow next;
    if (states.isEmpty() && r.status().running() && r.autostopMinutes() != null && r.autostopDown()) {
      // autodown finished on the node while nobody watched: the cluster is gone, as after sky down
      clusters.delete(r.name());
      released.gone(r.name());
      return null;
    } else if (autostopping) {
      next = r.status() == ClusterStatus.AUTOSTOPPING ? r : r.withStatus(ClusterStatus.AUTOSTOPPING,
          "autostop: running hooks, then " + (r.autostopDown() ? "tearing down" : "stopping")
          + " the nodes");
    } else if (states.isEmpty() || states.values().stream().allMatch(s -> s == NodeState.TERMINATED)) {
      if (r.status() == ClusterStatus.STOPPED && states.isEmpty()) {
        return r;
      }
      next = r.withStatus(ClusterStatus.INIT, "all nodes are gone (preempted or terminated "
          + "outside sky4j); run sky down " + r.name() + " to clean up, or sky launch again");
    } else if (running == r.numNodes()) {
      next = r.status() == ClusterStatus.UP ? r : r.withStatus(ClusterStatus.UP, null);
    } else if (stopped == states.size()) {
      if (r.status() != ClusterStatus.STOPPED) {
        released.stopped(r.name());
      }
      next = r.status() == ClusterStatus.STOPPED ? r : r.withStatus(ClusterStatus.STOPPED,
          r.status() == ClusterStatus.AUTOSTOPPING || r.autostopMinutes() != null
              ? "stopped by autostop" : "stopped outside this server");
    } else {
      List<String> lost = states.entrySet().stream().filter(e -> e.getValue() == NodeState.TERMINATED)
          .map(Map.Entry::getKey).toList();
      next = r.withStatus(ClusterStatus.INIT, (lost.isEmpty() ? ""
          : String.join(", ", lost) + " lost (preempted or terminated); ") + running + " of "
          + r.numNodes() + " nodes running; run sky start " + r.name() + " or sky down " + r.name());
    }
    if (next != r) {
      clusters.save(next);
    }
    return next;
  }

  static ClusterRecord record(ClusterRow r) {
    List<String> ips = new ArrayList<>();
    for (NodeRow n : r.nodes()) {
      ips.add(n.internalIp());
    }
    String acc = r.acceleratorName() == null ? null : r.acceleratorName() + ":"
        + (r.acceleratorCount() == Math.rint(r.acceleratorCount())
            ? Long.toString((long) r.acceleratorCount()) : Double.toString(r.acceleratorCount()));
    return new ClusterRecord(r.name(), r.status().name(), r.cloud(), r.region(), r.zone(),
        r.instanceType(), r.numNodes(), acc, r.spot(), ResourcesText.describe(r), r.pricePerHour(),
        r.autostopMinutes(), r.autostopDown(), r.launchedAt(), r.owner(),
        ips.isEmpty() ? null : ips.get(0), ips, r.statusMessage());
  }

  List<CostEntry> costReport() {
    long now = System.currentTimeMillis();
    Map<String, double[]> totals = new LinkedHashMap<>();
    Map<String, UsageRow> latest = new LinkedHashMap<>();
    for (UsageRow u : clusters.usage()) {
      double[] t = totals.computeIfAbsent(u.cluster(), k -> new double[2]);
      t[0] += u.hours(now);
      t[1] += u.hours(now) * u.pricePerHour();
      latest.putIfAbsent(u.cluster(), u);
    }
    List<CostEntry> out = new ArrayList<>();
    for (var e : totals.entrySet()) {
      UsageRow u = latest.get(e.getKey());
      String status = clusters.get(e.getKey()).map(r -> r.status().name()).orElse("TERMINATED");
      out.add(new CostEntry(e.getKey(), status, u.resources(), u.numNodes(), u.pricePerHour(),
          e.getValue()[0], e.getValue()[1], u.startedAt()));
    }
    return out;
  }

  private static boolean glob(String pattern, String name) {
    if (!pattern.contains("*") && !pattern.contains("?")) {
      return pattern.equals(name);
    }
    String re = pattern.replace(".", "\\.").replace("*", ".*").replace("?", ".");
    return name.matches(re);
  }
}
