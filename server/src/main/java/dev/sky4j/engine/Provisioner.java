package dev.sky4j.engine;

import dev.sky4j.optimizer.DataLocality;
import dev.sky4j.optimizer.Blocked;
import dev.sky4j.optimizer.LaunchPlan;
import dev.sky4j.optimizer.OptimizeResult;
import dev.sky4j.provision.Capability;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.Provider;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.provision.ProvisionRequest;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.spec.ResourceChoices;
import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStatus;
import dev.sky4j.state.ClusterStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Provisioning with failover, after SkyPilot's {@code RetryingVmProvisioner}: take the optimizer's
 * best plan, try it, and on a typed capacity error block that zone (or region), ask the optimizer
 * again and try the next plan. Quota errors block the region, credential errors the whole cloud.
 * With {@code retryUntilUp} a round that runs out of plans starts over after a growing pause.
 */
final class Provisioner {
  private final Providers providers;
  private final Planner planner;
  private final ClusterStore clusters;

  Provisioner(Providers providers, ClusterStore clusters) {
    this.providers = providers;
    this.planner = new Planner(providers);
    this.clusters = clusters;
  }

  record Outcome(LaunchPlan plan, ClusterInfo info) {}

  Outcome provision(String name, ResourceChoices choices, int numNodes, boolean retryUntilUp,
      String owner, Integer autostop, boolean autostopDown, RequestContext ctx)
      throws InterruptedException {
    return provision(name, choices, numNodes, retryUntilUp, owner, autostop, autostopDown,
        Set.of(), DataLocality.NONE, ctx);
  }

  /**
   * As above, with placements ruled out from the start (a managed job's recovery blocks the
   * region it was just preempted in).
   */
  Outcome provision(String name, ResourceChoices choices, int numNodes, boolean retryUntilUp,
      String owner, Integer autostop, boolean autostopDown, Set<Blocked> preBlocked,
      DataLocality data, RequestContext ctx) throws InterruptedException {
    long pause = 2_000;
    int attempt = 0;
    for (int round = 1; ; round++) {
      Set<Blocked> blocked = new LinkedHashSet<>(preBlocked);
      List<String> history = new ArrayList<>();
      while (true) {
        ctx.checkCancelled();
        OptimizeResult r = planner.plan(choices, numNodes, blocked, data);
        if (r.isEmpty()) {
          String why = history.isEmpty() ? r.emptyReason() : String.join("; ", history);
          if (!retryUntilUp) {
            clusters.delete(name);
            throw new ApiError(503, "resources-unavailable", "no plan could be provisioned: " + why
                + ". To keep retrying until the cluster is up, use the --retry-until-up flag;"
                + " or ask for other resources (see sky show-gpus).");
          }
          ctx.log().stage("No capacity anywhere (round " + round + "): " + why + ". Retrying in "
              + pause / 1000 + " s (--retry-until-up).");
          Thread.sleep(pause);
          pause = Math.min(pause * 2, 60_000);
          break;
        }
        LaunchPlan plan = r.plans().get(0);
        attempt++;
        ctx.log().stage("Provisioning " + plan.numNodes() + "x " + plan.instanceType()
            + (plan.accelerators() == null ? "" : " (" + plan.accelerators() + ")")
            + " in " + plan.infra() + (plan.spot() ? " [spot]" : "") + " (attempt " + attempt + ")");
        // record before creating anything, so a crash here never leaves an untracked node
        clusters.save(Rows.init(name, plan, owner, autostop, autostopDown,
            clusters.get(name).map(ClusterRow::everUp).orElse(false)));
        Provider p = providers.get(plan.cloud());
        ProvisionRequest request = request(name, plan, autostop != null && autostopDown);
        try {
          refuseUnsupported(p, request);
        } catch (ProvisionException.Unsupported e) {
          // nothing was created: rule the whole cloud out for this launch and go on
          blocked.add(Blocked.cloud(plan.cloud()));
          history.add(plan.cloud() + ": " + e.getMessage());
          ctx.log().stage("  " + plan.cloud() + " cannot run this task: " + e.getMessage());
          continue;
        }
        try {
          ClusterInfo info = p.runInstances(request);
          if (!request.ports().isEmpty()) {
            p.openPorts(name, request.ports());
            ctx.log().stage("  Opened port(s) " + String.join(", ", request.ports()));
          }
          return new Outcome(plan, info);
        } catch (ProvisionException.CapacityUnavailable e) {
          Blocked b = e.zone() != null
              ? new Blocked(plan.cloud(), e.region() == null ? plan.region() : e.region(), e.zone(), null)
              : new Blocked(plan.cloud(), e.region() == null ? plan.region() : e.region(), null, null);
          blocked.add(b);
          blocked.add(Blocked.placement(plan));
          history.add(plan.infra() + ": " + e.getMessage());
          ctx.log().stage("  No capacity in " + plan.infra() + ": "
              + e.getMessage().replaceAll("[.\\s]+$", "") + ". Trying the next zone/region.");
          cleanup(p, name);
        } catch (ProvisionException.QuotaExceeded e) {
          blocked.add(new Blocked(plan.cloud(), plan.region(), null, null));
          history.add(plan.infra() + ": " + e.getMessage());
          ctx.log().stage("  Quota exceeded in " + plan.region() + ": " + e.getMessage());
          cleanup(p, name);
        } catch (ProvisionException.BadCredentials e) {
          blocked.add(Blocked.cloud(plan.cloud()));
          history.add(plan.cloud() + ": " + e.getMessage());
          ctx.log().stage("  " + plan.cloud() + " rejected our credentials: " + e.getMessage()
              + " (run sky check)");
        } catch (ProvisionException.InvalidRequest e) {
          cleanup(p, name);
          clusters.delete(name);
          throw new ApiError(400, "invalid-request", plan.cloud() + " refused the request: "
              + e.getMessage());
        } catch (ProvisionException e) {
          // a failure type this engine does not know yet: treat it as a zone that cannot serve
          blocked.add(Blocked.placement(plan));
          history.add(plan.infra() + ": " + e.getMessage());
          cleanup(p, name);
        }
      }
    }
  }

  /** What the provider is asked for: the plan, plus what the task asks of the machines. */
  static ProvisionRequest request(String name, LaunchPlan plan, boolean shutdownTerminates) {
    var src = plan.source();
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    if (src != null) {
      labels.putAll(src.labels());
    }
    labels.put("sky4j-cluster", name);
    return new ProvisionRequest(name, plan.region(), plan.zone(), plan.instanceType(),
        plan.numNodes(), plan.spot(), plan.acceleratorName(), plan.acceleratorCount(), labels,
        src == null ? null : src.diskSizeGb(), src == null ? null : src.diskTier(),
        src == null ? List.of() : src.ports(), src == null ? null : src.imageId(),
        shutdownTerminates);
  }

  /**
   * The provider's own refusals first (it can say best what to do instead), then what its
   * capabilities rule out.
   */
  static void refuseUnsupported(Provider p, ProvisionRequest r)
      throws ProvisionException.Unsupported {
    p.checkSupported(r);
    var caps = p.capabilities();
    if (r.spot() && !caps.contains(Capability.SPOT)) {
      throw new ProvisionException.Unsupported("resources.use_spot", "resources.use_spot: "
          + p.cloud() + " has no spot nodes; remove use_spot or pick another cloud in infra:");
    }
    if (!r.ports().isEmpty() && !caps.contains(Capability.OPEN_PORTS)) {
      throw new ProvisionException.Unsupported("resources.ports", "resources.ports: " + p.cloud()
          + " cannot open ports; remove ports or pick another cloud in infra:");
    }
    if (r.imageId() != null && !caps.contains(Capability.CUSTOM_IMAGES)) {
      throw new ProvisionException.Unsupported("resources.image_id", "resources.image_id: "
          + p.cloud() + " cannot boot a custom image; remove image_id or pick another cloud in infra:");
    }
  }

  private static void cleanup(Provider p, String name) {
    try {
      p.terminateInstances(name, false);
    } catch (ProvisionException ignored) {
      // best effort: the reconciler retries on the next start
    }
  }

  /** Restarts a stopped cluster where it was (no failover: its disks live there). */
  ClusterInfo restart(ClusterRow row, RequestContext ctx) {
    ctx.log().stage("Starting " + row.name() + " in " + row.cloud() + "/" + row.region()
        + (row.zone() == null ? "" : "/" + row.zone()));
    clusters.save(row.withStatus(ClusterStatus.INIT, "starting"));
    try {
      return providers.get(row.cloud()).runInstances(new ProvisionRequest(row.name(), row.region(),
          row.zone(), row.instanceType(), row.numNodes(), row.spot(), row.acceleratorName(),
          row.acceleratorCount(), Map.of("sky4j-cluster", row.name())));
    } catch (ProvisionException e) {
      clusters.save(row.withStatus(ClusterStatus.STOPPED, e.getMessage()));
      throw new ApiError(503, "start-failed", "cannot start " + row.name() + " in " + row.region()
          + ": " + e.getMessage() + ". Its disks are there, so it cannot move; try again later with "
          + "sky start " + row.name() + " --retry-until-up, or sky down it and launch anew.");
    }
  }
}
