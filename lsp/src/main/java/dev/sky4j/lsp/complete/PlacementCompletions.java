package dev.sky4j.lsp.complete;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.spec.schema.Clouds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * Values of {@code infra}, {@code cloud}, {@code region}, {@code zone} and {@code instance_type},
 * narrowed by what is already chosen: regions of the chosen cloud, zones of the chosen region,
 * and only places and instance types that offer the chosen accelerator.
 */
final class PlacementCompletions {
  private static final int MAX = 300;

  private PlacementCompletions() {}

  static List<CompletionItem> clouds(Catalog catalog, Chosen chosen, Target t) {
    List<CompletionItem> out = new ArrayList<>();
    for (String cloud : cloudNames(catalog, chosen)) {
      if (t.matches(cloud)) {
        out.add(t.apply(item(cloud, CompletionItemKind.Module, "cloud"), cloud));
      }
    }
    return out;
  }

  static List<CompletionItem> regions(Catalog catalog, Chosen chosen, Target t) {
    List<CompletionItem> out = new ArrayList<>();
    for (Map.Entry<String, String> e : regionsOf(catalog, chosen).entrySet()) {
      if (t.matches(e.getKey())) {
        out.add(t.apply(item(e.getKey(), CompletionItemKind.Module, e.getValue()), e.getKey()));
      }
    }
    return cap(out);
  }

  static List<CompletionItem> zones(Catalog catalog, Chosen chosen, Target t) {
    List<CompletionItem> out = new ArrayList<>();
    if (catalog == null || chosen.cloud() == null || chosen.region() == null) {
      return out;
    }
    for (String z : catalog.zones(chosen.cloud(), chosen.region())) {
      if (t.matches(z)) {
        out.add(t.apply(item(z, CompletionItemKind.Module, chosen.cloud() + " " + chosen.region()), z));
      }
    }
    return out;
  }

  /** {@code infra: cloud[/region[/zone]]}: completes the segment being typed. */
  static List<CompletionItem> infra(Catalog catalog, Chosen chosenElsewhere, Target t) {
    String typed = t.prefix();
    int slashes = (int) typed.chars().filter(c -> c == '/').count();
    List<CompletionItem> out = new ArrayList<>();
    if (slashes == 0) {
      for (String cloud : cloudNames(catalog, chosenElsewhere)) {
        if (t.matches(cloud)) {
          out.add(t.apply(item(cloud, CompletionItemKind.Module, "any region"), cloud));
        }
      }
      if (t.matches("*")) {
        out.add(t.apply(item("*", CompletionItemKind.Module, "any cloud"), "*"));
      }
      return out;
    }
    String[] parts = typed.split("/", -1);
    String cloud = parts[0].equals("*") ? null : parts[0].toLowerCase(Locale.ROOT);
    if (slashes == 1) {
      Chosen c = new Chosen(cloud, null, null, chosenElsewhere.accelerator(), chosenElsewhere.count(), false);
      for (Map.Entry<String, String> e : regionsOf(catalog, c).entrySet()) {
        String value = parts[0] + "/" + e.getKey();
        if (e.getKey().toLowerCase(Locale.ROOT).startsWith(parts[1].toLowerCase(Locale.ROOT))) {
          CompletionItem it = item(value, CompletionItemKind.Module, e.getValue());
          it.setFilterText(value);
          out.add(t.apply(it, value));
        }
      }
      return cap(out);
    }
    if (catalog != null && cloud != null) {
      for (String z : catalog.zones(cloud, parts[1])) {
        String value = parts[0] + "/" + parts[1] + "/" + z;
        if (z.startsWith(parts[2])) {
          CompletionItem it = item(value, CompletionItemKind.Module, "zone");
          it.setFilterText(value);
          out.add(t.apply(it, value));
        }
      }
    }
    return out;
  }

  static List<CompletionItem> instanceTypes(Catalog catalog, Chosen chosen, Target t) {
    List<CompletionItem> out = new ArrayList<>();
    if (catalog == null) {
      return out;
    }
    List<Offer> offers;
    if (chosen.accelerator() != null) {
      offers = catalog.offersForAccelerator(chosen.accelerator(), chosen.count());
    } else if (chosen.cloud() != null) {
      offers = catalog.offers(chosen.cloud());
    } else {
      offers = catalog.offers();
    }
    Map<String, Offer> cheapest = new LinkedHashMap<>();
    for (Offer o : offers) {
      if (o.instanceType() == null || o.instanceType().isEmpty()
          || (chosen.cloud() != null && !chosen.cloud().equalsIgnoreCase(o.cloud()))
          || (chosen.region() != null && !chosen.region().equalsIgnoreCase(o.region()))) {
        continue;
      }
      Offer old = cheapest.get(o.instanceType());
      if (old == null || o.price() < old.price()) {
        cheapest.put(o.instanceType(), o);
      }
    }
    List<Offer> sorted = new ArrayList<>(cheapest.values());
    sorted.sort(java.util.Comparator.comparingDouble(Offer::price));
    int rank = 0;
    for (Offer o : sorted) {
      rank++;
      if (!t.matches(o.instanceType())) {
        continue;
      }
      String acc = o.hasAccelerator() ? o.acceleratorName() + ":" + dev.sky4j.spec.AcceleratorRequest.formatCount(o.acceleratorCount()) + " · " : "";
      CompletionItem it = item(o.instanceType(), CompletionItemKind.Value,
          o.cloud() + " · " + acc + fmt(o.vcpus()) + " vCPU · " + Money.gib(o.memoryGib()) + " · " + Money.perHour(o));
      it.setSortText(String.format(Locale.ROOT, "%05d", rank));
      out.add(t.apply(it, o.instanceType()));
    }
    return cap(out);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** Catalog clouds (only those offering the chosen accelerator), then {@code local}. */
  private static Set<String> cloudNames(Catalog catalog, Chosen chosen) {
    Set<String> out = new LinkedHashSet<>();
    if (catalog != null) {
      List<String> allowed = chosen.accelerator() == null ? null
          : catalog.accelerator(chosen.accelerator()).map(a -> a.clouds()).orElse(null);
      for (String c : catalog.clouds()) {
        if (allowed == null || allowed.isEmpty() || allowed.contains(c)) {
          out.add(c);
        }
      }
    }
    out.add(Clouds.LOCAL);
    out.add("kubernetes");
    return out;
  }

  /** Region to a short detail; only regions with the chosen accelerator when there is one. */
  private static Map<String, String> regionsOf(Catalog catalog, Chosen chosen) {
    Map<String, String> out = new LinkedHashMap<>();
    if (catalog == null) {
      return out;
    }
    List<String> clouds = chosen.cloud() != null ? List.of(chosen.cloud()) : catalog.clouds();
    if (chosen.accelerator() != null) {
      for (Offer o : catalog.offersForAccelerator(chosen.accelerator(), chosen.count())) {
        if (clouds.contains(o.cloud())) {
          out.putIfAbsent(o.region(), o.cloud() + " · " + chosen.accelerator() + " from " + Money.perHour(o));
        }
      }
      return out;
    }
    for (String cloud : clouds) {
      for (String r : catalog.regions(cloud)) {
        out.putIfAbsent(r, cloud);
      }
    }
    return out;
  }

  private static CompletionItem item(String label, CompletionItemKind kind, String detail) {
    CompletionItem it = new CompletionItem(label);
    it.setKind(kind);
    it.setDetail(detail);
    return it;
  }

  private static List<CompletionItem> cap(List<CompletionItem> items) {
    return items.size() > MAX ? new ArrayList<>(items.subList(0, MAX)) : items;
  }
}
