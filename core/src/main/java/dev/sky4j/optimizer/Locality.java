package dev.sky4j.optimizer;

import dev.sky4j.catalog.EgressPrices;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data locality: plans re-ranked by what their first hour costs including reading the task's
 * buckets once from their region (hourly price + egress), so among equally priced regions the
 * bucket's own wins, and a big bucket pulls the job to its region unless another region is
 * cheaper by more than moving the data costs. Ordered choices keep their order between
 * candidates; a plan of unknown price stays where the optimizer put it (last).
 */
public final class Locality {
  private Locality() {}

  public static OptimizeResult rerank(OptimizeResult r, DataLocality data, EgressPrices prices,
      boolean ordered) {
    if (data.isEmpty() || r.isEmpty()) {
      return r;
    }
    Map<Object, Integer> group = new IdentityHashMap<>();
    for (LaunchPlan p : r.plans()) {
      group.putIfAbsent(p.source(), group.size());
    }
    Comparator<LaunchPlan> byGroup = Comparator.comparingInt(p -> ordered ? group.get(p.source()) : 0);
    Comparator<LaunchPlan> byFirstHour = Comparator.comparingDouble(p -> {
      double c = p.totalPerHour() + data.egressUsd(p, prices);
      return Double.isNaN(c) ? Double.MAX_VALUE : c;
    });
    List<LaunchPlan> plans = new ArrayList<>(r.plans());
    // stable: equal first-hour costs keep the optimizer's order
    plans.sort(byGroup.thenComparing(byFirstHour));
    return new OptimizeResult(plans, r.emptyReason());
  }
}
