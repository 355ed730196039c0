package dev.sky4j.engine;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.client.dto.OptimizeResponse;
import dev.sky4j.client.dto.PlanDto;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.catalog.EgressPrices;
import dev.sky4j.optimizer.DataLocality;
import dev.sky4j.optimizer.LaunchPlan;
import dev.sky4j.optimizer.OptimizeResult;
import dev.sky4j.optimizer.PlanPrices;
import dev.sky4j.spec.Resources;
import dev.sky4j.spec.Task;
import dev.sky4j.storage.Buckets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /optimize} ({@code sky launch --dryrun}): the task resolved exactly as a launch
 * resolves it (same validator, same command-line overrides), planned by the launch engine's own
 * {@link Planner}, and the first plans of each candidate described with both prices.
 */
final class DryRunPlans {
  private final Providers providers;
  private final Planner planner;
  private final Buckets buckets;

  DryRunPlans(Providers providers, Buckets buckets) {
    this.providers = providers;
    this.planner = new Planner(providers);
    this.buckets = buckets;
  }

  OptimizeResponse optimize(TaskInput in, int perCandidate) {
    Catalog cat = providers.catalog();
    Task t = TaskResolver.resolve(in, cat);
    DataLocality data = buckets.locality(t.fileMounts(), null);
    OptimizeResult r = planner.plan(t.resources(), t.numNodes(), Set.of(), data);
    List<PlanDto> notEnabled = List.of();
    List<String> warnings = new ArrayList<>();
    if (r.isEmpty()) {
      OptimizeResult anywhere = planner.planAnywhere(t.resources(), t.numNodes(), data);
      notEnabled = dtos(cat, t, first(anywhere.plans(), perCandidate), data);
      anywhere.best().flatMap(p -> buckets.remoteWarning(data, p)).ifPresent(warnings::add);
    }
    r.best().flatMap(p -> buckets.remoteWarning(data, p)).ifPresent(warnings::add);
    String hint = cat.staleHint(LocalDate.now(ZoneOffset.UTC));
    return new OptimizeResponse(t.name(), t.numNodes(),
        new OptimizeResponse.CatalogInfo(cat.date(), cat.source(), hint),
        List.copyOf(providers.enabledClouds()), dtos(cat, t, first(r.plans(), perCandidate), data),
        r.plans().size(), r.emptyReason(), notEnabled, warnings);
  }

  /** The first {@code n} plans of each candidate, in rank order. */
  private static List<LaunchPlan> first(List<LaunchPlan> plans, int n) {
    Map<Resources, Integer> seen = new IdentityHashMap<>();
    List<LaunchPlan> out = new ArrayList<>();
    for (LaunchPlan p : plans) {
      if (seen.merge(p.source(), 1, Integer::sum) <= n) {
        out.add(p);
      }
    }
    return out;
  }

  private static List<PlanDto> dtos(Catalog cat, Task t, List<LaunchPlan> plans,
      DataLocality data) {
    List<Resources> candidates = t.resources().candidates();
    List<PlanDto> out = new ArrayList<>(plans.size());
    for (LaunchPlan p : plans) {
      PlanPrices prices = PlanPrices.of(cat, p);
      out.add(new PlanDto(p.cloud(), p.region(), p.zone(), p.instanceType(), p.spot(),
          p.accelerators(), known(p.vcpus()), known(p.memoryGib()), known(p.pricePerNode()),
          p.numNodes(), known(p.totalPerHour()), known(prices.onDemand()), known(prices.spot()),
          p.interruptionBand(), candidates.indexOf(p.source()),
          data.isEmpty() ? null : known(data.egressUsd(p, EgressPrices.builtin()))));
    }
    return out;
  }

  private static Double known(double d) {
    return Double.isNaN(d) ? null : d;
  }
}
