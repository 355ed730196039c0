package dev.sky4j.optimizer;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.spec.ResourceChoices;
import dev.sky4j.spec.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Ranks every place a task could run. For each candidate: offers of the asked shape, then the
 * cloud, region and zone asked (and enabled), spot, {@code max_hourly_cost} per node, and the
 * blocked placements of earlier failed attempts. On-demand offers of clouds that price a region
 * as a whole collapse to one plan per region; spot and GCP stay per zone (SkyPilot's rule).
 * Unordered choices: cheapest total first. Ordered: every plan of the first candidate before the
 * second's, each group cheapest first.
 */
public final class Optimizer {
  private final Catalog catalog;
  private final ShapeFilter shapes;

  public Optimizer(Catalog catalog) {
    this.catalog = catalog;
    this.shapes = new ShapeFilter(catalog);
  }

  public OptimizeResult optimize(ResourceChoices choices, int numNodes, Set<Blocked> blocked,
      Set<String> enabledCloudsOrNull) {
    if (numNodes < 1) {
      throw new IllegalArgumentException("numNodes must be at least 1, got " + numNodes);
    }
    Set<Blocked> block = blocked == null ? Set.of() : blocked;
    Set<String> enabled = null;
    if (enabledCloudsOrNull != null) {
      enabled = new HashSet<>();
      for (String c : enabledCloudsOrNull) {
        enabled.add(c.toLowerCase(Locale.ROOT));
      }
    }
    List<LaunchPlan> all = new ArrayList<>();
    Set<String> reasons = new LinkedHashSet<>();
    for (Resources r : choices.candidates()) {
      List<LaunchPlan> group = new ArrayList<>();
      String reason = plansFor(r, numNodes, block, enabled, group);
      if (reason != null) {
        reasons.add(choices.candidates().size() > 1 ? Plans.what(r) + ": " + reason : reason);
      }
      group.sort(Plans.BY_COST);
      all.addAll(group);
    }
    if (!choices.ordered()) {
      all.sort(Plans.BY_COST);
    }
    List<LaunchPlan> plans = dedupe(all);
    return new OptimizeResult(plans, plans.isEmpty() ? String.join("; ", reasons) : null);
  }

  /** Adds the candidate's plans to {@code out}; returns why there are none, or null. */
  private String plansFor(Resources r, int numNodes, Set<Blocked> blocked, Set<String> enabled,
      List<LaunchPlan> out) {
    ShapeFilter.Match m = shapes.match(r);
    if (m.offers().isEmpty()) {
      return m.reason() + cheapest(m.cheapestRejected(), r.useSpot(), "");
    }
    String what = Plans.what(r);
    List<Offer> offers = m.offers();
    if (r.cloud() != null && !catalog.clouds().contains(r.cloud().toLowerCase(Locale.ROOT))) {
      return "cloud '" + r.cloud() + "' is not in the catalog (clouds: "
          + String.join(", ", catalog.clouds()) + ")";
    }
    Stage s = new Stage(offers, r.useSpot());
    if (!s.keep(o -> r.cloud() == null || o.cloud().equalsIgnoreCase(r.cloud()))) {
      return what + " is not offered on " + r.cloud() + s.cheapestElsewhere();
    }
    if (enabled != null && !s.keep(o -> enabled.contains(o.cloud()))) {
      return "no enabled cloud offers " + what + " (enabled: " + String.join(", ", enabled.stream()
          .sorted().toList()) + ")" + s.cheapestElsewhere();
    }
    if (r.region() != null && !s.keep(o -> o.region().equalsIgnoreCase(r.region()))) {
      return what + " is not offered in region " + r.region() + s.cheapestElsewhere();
    }
    if (r.zone() != null && !s.keep(o -> inZone(o, r.zone()))) {
      return what + " is not offered in zone " + r.zone() + s.cheapestElsewhere();
    }
    // an unpriced row may well have spot capacity: only a priced row without a spot price says no
    if (r.useSpot() && !s.keep(o -> o.hasSpot() || !o.hasPrice())) {
      return "no spot offer for " + what + " is known; on-demand, the cheapest is "
          + Plans.offer(s.rejected, false);
    }
    Double max = r.maxHourlyCost();
    if (max != null && !s.keep(o -> o.price(r.useSpot()) <= max + 1e-9)) {
      return String.format(Locale.ROOT, "max_hourly_cost $%.2f excludes every offer of %s; "
          + "the cheapest is %s", max, what, Plans.offer(s.rejected, r.useSpot()));
    }
    int before = out.size();
    Set<String> seen = new HashSet<>();
    for (Offer o : s.offers) {
      boolean zoned = r.useSpot() || r.zone() != null || o.cloud().equals("gcp");
      String zone = zoned ? (o.zone() != null ? o.zone() : r.zone()) : null;
      LaunchPlan p = new LaunchPlan(o.cloud(), o.region(), zone, o.instanceType(), r.useSpot(),
          o.acceleratorName(), o.acceleratorCount(), o.vcpus(), o.memoryGib(),
          o.price(r.useSpot()), numNodes, o.interruptionBand(), r);
      // offers come cheapest first, so the first of a collapsed region is its price
      if (!seen.add(key(p)) || isBlocked(p, blocked)) {
        continue;
      }
      out.add(p);
    }
    if (out.size() == before) {
      return "every placement of " + what + " is blocked by earlier failures ("
          + seen.size() + " tried)";
    }
    return null;
  }

  /** A region-wide row is in every zone of its region (AWS zone IDs do not start with it). */
  private boolean inZone(Offer o, String zone) {
    return o.zone() != null ? o.zone().equalsIgnoreCase(zone)
        : zone.toLowerCase(Locale.ROOT).startsWith(o.region().toLowerCase(Locale.ROOT))
            || catalog.zones(o.cloud(), o.region()).contains(zone);
  }

  private static boolean isBlocked(LaunchPlan p, Set<Blocked> blocked) {
    for (Blocked b : blocked) {
      if (b.matches(p)) {
        return true;
      }
    }
    return false;
  }

  private static String key(LaunchPlan p) {
    return p.cloud() + '|' + p.region() + '|' + p.zone() + '|' + p.instanceType() + '|'
        + p.acceleratorName() + '|' + p.acceleratorCount() + '|' + p.spot();
  }

  private static List<LaunchPlan> dedupe(List<LaunchPlan> plans) {
    Set<String> seen = new HashSet<>();
    List<LaunchPlan> out = new ArrayList<>(plans.size());
    for (LaunchPlan p : plans) {
      if (seen.add(key(p))) {
        out.add(p);
      }
    }
    return out;
  }

  private static String cheapest(Offer o, boolean spot, String prefix) {
    return o == null ? "" : "; the cheapest " + prefix + "offer is " + Plans.offer(o, spot);
  }

  /** A shrinking set of offers that remembers the cheapest one the last filter threw out. */
  private static final class Stage {
    private final boolean spot;
    List<Offer> offers;
    Offer rejected;

    Stage(List<Offer> offers, boolean spot) {
      this.offers = offers;
      this.spot = spot;
    }

    /** Keeps the offers passing {@code test}; false when none do. */
    boolean keep(Predicate<Offer> test) {
      List<Offer> kept = new ArrayList<>(offers.size());
      for (Offer o : offers) {
        if (test.test(o)) {
          kept.add(o);
        }
      }
      if (kept.isEmpty()) {
        Comparator<Offer> byPrice = Comparator.comparingDouble(
            o -> spot && o.hasSpot() ? o.spotPrice() : o.price());
        rejected = offers.stream().min(byPrice).orElse(null);
        return false;
      }
      offers = kept;
      return true;
    }

    String cheapestElsewhere() {
      return rejected == null ? "" : "; the cheapest elsewhere is " + Plans.offer(rejected, spot);
    }
  }
}
