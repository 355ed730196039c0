package dev.sky4j.engine;

import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.spec.Hook;
import dev.sky4j.spec.WaitFor;
import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hands autostop settings and lifecycle hooks to a cluster's head agent, which owns the timer
 * and stops the cluster by itself (so it works with the server off), and records the setting
 * on the cluster row for {@code sky status}. The user's unit is minutes; the agent counts
 * seconds. {@code sky4j.autostop.secondsPerMinute} (or {@code SKY4J_AUTOSTOP_SECONDS_PER_MINUTE})
 * compresses the minute for end-to-end tests only; it defaults to 60.
 */
final class Autostops {
  private final ClusterStore clusters;
  private final ClusterAccess access;
  private final Providers providers;

  Autostops(ClusterStore clusters, ClusterAccess access, Providers providers) {
    this.providers = providers;
    this.clusters = clusters;
    this.access = access;
  }

  static double secondsPerMinute() {
    String v = System.getProperty("sky4j.autostop.secondsPerMinute",
        System.getenv("SKY4J_AUTOSTOP_SECONDS_PER_MINUTE"));
    try {
      return v == null || v.isBlank() ? 60 : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return 60;
    }
  }

  /** Parses {@code --wait-for}; null means the default (jobs_and_ssh). */
  static WaitFor waitFor(String text) {
    if (text == null || text.isBlank()) {
      return WaitFor.JOBS_AND_SSH;
    }
    try {
      return WaitFor.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("bad-wait-for", "--wait-for '" + text + "' is not one of "
          + "jobs_and_ssh, jobs, none");
    }
  }

  /**
   * Sets autostop ({@code minutes} null = off) on the head and saves the row; returns the row.
   * The agent restarts its idle timer now, as SkyPilot's {@code set_autostop} does.
   */
  ClusterRow set(ClusterRow row, ClusterInfo info, Integer minutes, boolean down, WaitFor waitFor,
      RequestLog log) throws IOException {
    Map<String, Object> setting = new LinkedHashMap<>();
    setting.put("idleSeconds", minutes == null ? -1 : minutes * secondsPerMinute());
    setting.put("down", down);
    setting.put("waitFor", waitFor.name());
    try {
      access.agent(info).setAutostop(setting);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("HTTP 409")) {
        throw ApiError.conflict("autostopping", "cluster " + row.name() + " is already "
            + "autostopping; wait for it to stop (sky status -r " + row.name() + ")");
      }
      throw e;
    }
    try {
      // a VM stops itself with its own shutdown: the cloud must know whether that means delete
      providers.get(row.cloud()).setShutdownTerminates(row.name(), minutes != null && down);
    } catch (dev.sky4j.provision.ProvisionException e) {
      throw new IOException("cannot set what a shutdown of " + row.name() + " does: "
          + e.getMessage(), e);
    }
    ClusterRow next = row.withAutostop(minutes, minutes != null && down);
    clusters.save(next);
    log.stage(minutes == null ? "Autostop cancelled on " + row.name()
        : "Autostop on " + row.name() + ": " + (down ? "tear down" : "stop") + " after " + minutes
            + " idle minute(s), waiting for " + waitFor.name().toLowerCase(Locale.ROOT));
    return next;
  }

  /** Stores the task's {@code config.hooks} on the head (replacing earlier ones). */
  void hooks(ClusterInfo info, List<Hook> hooks) throws IOException {
    access.agent(info).setHooks(hooks.stream().map(h -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("run", h.run());
      m.put("events", h.events());
      m.put("timeoutSeconds", h.timeoutSeconds());
      return m;
    }).toList());
  }
}
