package dev.sky4j.optimizer;

import dev.sky4j.catalog.AcceleratorInfo;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.validate.CloseMatch;
import dev.sky4j.spec.validate.LookAlike;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** "Did you mean" answers for an accelerator name the catalog does not have. */
public final class AcceleratorNames {
  private AcceleratorNames() {}

  /**
   * Catalog names that read the same ({@code H1OO} is {@code H100}), that contain the query
   * (SkyPilot's fuzzy rule: {@code H10} finds {@code H100}), then close spellings ({@code difflib} ratio), at most {@code limit}, ignoring case.
   */
  public static List<String> close(Catalog catalog, String query, int limit) {
    String q = query.toLowerCase(Locale.ROOT).trim();
    Map<String, String> byLower = new TreeMap<>();
    for (AcceleratorInfo a : catalog.accelerators()) {
      byLower.put(a.name().toLowerCase(Locale.ROOT), a.name());
    }
    Set<String> out = new LinkedHashSet<>(LookAlike.find(q, byLower.values()));
    if (!q.isEmpty()) {
      byLower.forEach((lower, name) -> {
        if (lower.contains(q) && !lower.startsWith("tpu-")) {
          out.add(name);
        }
      });
      for (String lower : CloseMatch.find(q, byLower.keySet(), limit, 0.6)) {
        out.add(byLower.get(lower));
      }
    }
    return out.stream().limit(limit).toList();
  }
}
