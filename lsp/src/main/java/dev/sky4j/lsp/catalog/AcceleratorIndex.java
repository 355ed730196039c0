package dev.sky4j.lsp.catalog;

import dev.sky4j.catalog.AcceleratorInfo;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.spec.AcceleratorRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The catalog's accelerator offers grouped by {@code NAME:COUNT}, built once per catalog so that
 * a completion request only has to filter and take minimums. It reads the catalog's own offers
 * and adds nothing to them: prices here are the catalog's prices.
 */
public final class AcceleratorIndex {
  private static final Map<Catalog, AcceleratorIndex> CACHE = new WeakHashMap<>();

  /** One {@code NAME:COUNT} with every offer that has it. */
  public record Group(String name, double count, double memoryGib, List<Offer> offers) {
    public String label() {
      return name + ":" + AcceleratorRequest.formatCount(count);
    }
  }

  /** A group's cheapest prices under a filter; NaN when there is no such offer. */
  public record Priced(Group group, double onDemand, Offer cheapest, double spot, Offer cheapestSpot) {}

  private final List<Group> groups;

  private AcceleratorIndex(List<Group> groups) {
    this.groups = groups;
  }

  public static synchronized AcceleratorIndex of(Catalog catalog) {
    return CACHE.computeIfAbsent(catalog, AcceleratorIndex::build);
  }

  private static AcceleratorIndex build(Catalog catalog) {
    Map<String, List<Offer>> byKey = new LinkedHashMap<>();
    Map<String, String[]> names = new LinkedHashMap<>();
    for (Offer o : catalog.offers()) {
      if (!o.hasAccelerator()) {
        continue;
      }
      String canonical = catalog.accelerator(o.acceleratorName()).map(AcceleratorInfo::name)
          .orElse(o.acceleratorName());
      String key = canonical + ":" + AcceleratorRequest.formatCount(o.acceleratorCount());
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
      names.putIfAbsent(key, new String[] {canonical});
    }
    List<Group> out = new ArrayList<>();
    byKey.forEach((key, offers) -> {
      Offer any = offers.get(0);
      String name = names.get(key)[0];
      double mem = catalog.accelerator(name).map(AcceleratorInfo::memoryGib)
          .orElse(any.gpuMemoryGib());
      out.add(new Group(name, any.acceleratorCount(), mem, List.copyOf(offers)));
    });
    return new AcceleratorIndex(List.copyOf(out));
  }

  public List<Group> groups() {
    return groups;
  }

  public Optional<Group> group(String name, double count) {
    for (Group g : groups) {
      if (g.name().equalsIgnoreCase(name) && Math.abs(g.count() - count) <= 0.01) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  /**
   * Every group with at least one offer in {@code cloud}/{@code region} (null: any), with its
   * cheapest prices there, sorted by on-demand price (by spot price when {@code bySpot}).
   */
  public List<Priced> priced(String cloud, String region, boolean bySpot) {
    List<Priced> out = new ArrayList<>();
    for (Group g : groups) {
      Priced p = price(g, cloud, region);
      if (p != null) {
        out.add(p);
      }
    }
    Comparator<Priced> order = bySpot
        ? Comparator.comparingDouble(p -> Double.isNaN(p.spot()) ? Double.MAX_VALUE : p.spot())
        : Comparator.comparingDouble(Priced::onDemand);
    out.sort(order.thenComparing(p -> p.group().label()));
    return out;
  }

  /** The cheapest offers of one group under a filter, or null when none matches. */
  public static Priced price(Group g, String cloud, String region) {
    Offer best = null;
    Offer bestSpot = null;
    for (Offer o : g.offers()) {
      if ((cloud != null && !cloud.equalsIgnoreCase(o.cloud()))
          || (region != null && !region.equalsIgnoreCase(o.region()))) {
        continue;
      }
      if (best == null || o.price() < best.price() || (!best.hasPrice() && o.hasPrice())) {
        best = o;
      }
      if (o.hasSpot() && (bestSpot == null || o.spotPrice() < bestSpot.spotPrice())) {
        bestSpot = o;
      }
    }
    if (best == null) {
      return null;
    }
    return new Priced(g, best.price(), best, bestSpot == null ? Double.NaN : bestSpot.spotPrice(), bestSpot);
  }
}
