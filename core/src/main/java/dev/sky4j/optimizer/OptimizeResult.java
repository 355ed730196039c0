package dev.sky4j.optimizer;

import java.util.List;

/**
 * Plans best first. When there are none, {@code emptyReason} says which filter removed the last
 * offer and what the cheapest offer it removed was, so the user knows what to relax.
 */
public record OptimizeResult(List<LaunchPlan> plans, String emptyReason) {
  public OptimizeResult {
    plans = List.copyOf(plans);
  }

  public boolean isEmpty() {
    return plans.isEmpty();
  }

  /** The plan to launch first; empty when nothing fits. */
  public java.util.Optional<LaunchPlan> best() {
    return plans.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(plans.get(0));
  }
}
