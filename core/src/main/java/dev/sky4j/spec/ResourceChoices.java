package dev.sky4j.spec;

import java.util.List;

/**
 * The candidates a task accepts. {@code ordered = false}: any of them, cheapest wins ({@code
 * any_of}, accelerator dict/set). {@code ordered = true}: first one that can launch wins ({@code
 * ordered}, accelerator list).
 */
public record ResourceChoices(List<Resources> candidates, boolean ordered) {
  public ResourceChoices {
    candidates = List.copyOf(candidates);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("at least one candidate");
    }
  }

  public static ResourceChoices single(Resources r) {
    return new ResourceChoices(List.of(r), false);
  }

  /** The first candidate: what fields shared by every candidate (autostop, recovery) read from. */
  public Resources first() {
    return candidates.get(0);
  }
}
