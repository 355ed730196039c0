package dev.sky4j.engine;

import dev.sky4j.catalog.EgressPrices;
import dev.sky4j.optimizer.Blocked;
import dev.sky4j.optimizer.DataLocality;
import dev.sky4j.optimizer.Locality;
import dev.sky4j.optimizer.OptimizeResult;
import dev.sky4j.optimizer.Optimizer;
import dev.sky4j.spec.ResourceChoices;
import java.util.Set;

/**
 * The one planning function: the plans this server would try for a task, over the catalog and
 * clouds it has enabled. The launch engine provisions from it and {@code sky launch --dryrun}
 * shows it, so the dry run is never a second opinion.
 */
final class Planner {
  private final Providers providers;

  Planner(Providers providers) {
    this.providers = providers;
  }

  OptimizeResult plan(ResourceChoices choices, int numNodes, Set<Blocked> blocked) {
    return plan(choices, numNodes, blocked, DataLocality.NONE);
  }

  /** The plans ranked with the task's data in mind: hourly price plus reading its buckets once. */
  OptimizeResult plan(ResourceChoices choices, int numNodes, Set<Blocked> blocked,
      DataLocality data) {
    return Locality.rerank(new Optimizer(providers.catalog()).optimize(choices, numNodes, blocked,
        providers.enabledClouds()), data, EgressPrices.builtin(), choices.ordered());
  }

  /** The same request over every catalog cloud: what enabling another cloud would offer. */
  OptimizeResult planAnywhere(ResourceChoices choices, int numNodes, DataLocality data) {
    return Locality.rerank(new Optimizer(providers.catalog()).optimize(choices, numNodes, Set.of(),
        null), data, EgressPrices.builtin(), choices.ordered());
  }
}
