package dev.sky4j.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** One cloud's offers and the indexes lookups use; immutable once built. */
final class CloudTable {
  /** Cheapest first, then a fixed order of the remaining fields so results never flicker. */
  static final Comparator<Offer> BY_PRICE = Comparator.comparingDouble((Offer o) -> o.price())
      .thenComparing(Offer::cloud)
      .thenComparing(Offer::region)
      .thenComparing(Offer::zone, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Offer::instanceType)
      .thenComparingDouble(Offer::acceleratorCount);

  final String cloud;
  final List<Offer> offers;
  final List<Offer> cpuByPrice;
  final Map<String, List<Offer>> byAccelerator;
  final Map<String, List<Offer>> byInstanceType;
  final Map<String, List<String>> zonesByRegion;
  /** Zones known from the offerings file, beyond those the priced rows name. */
  final Map<String, List<String>> extraZones;

  CloudTable(String cloud, List<Offer> offers) {
    this(cloud, offers, Map.of());
  }

  CloudTable(String cloud, List<Offer> offers, Map<String, List<String>> extraZones) {
    this.extraZones = extraZones;
    this.cloud = cloud;
    this.offers = Collections.unmodifiableList(offers);
    Map<String, List<Offer>> acc = new HashMap<>();
    Map<String, List<Offer>> types = new HashMap<>();
    Map<String, TreeSet<String>> zones = new TreeMap<>();
    List<Offer> cpu = new ArrayList<>();
    for (Offer o : offers) {
      if (o.hasAccelerator()) {
        acc.computeIfAbsent(key(o.acceleratorName()), k -> new ArrayList<>()).add(o);
      } else {
        cpu.add(o);
      }
      types.computeIfAbsent(key(o.instanceType()), k -> new ArrayList<>()).add(o);
      TreeSet<String> z = zones.computeIfAbsent(o.region(), k -> new TreeSet<>());
      if (o.zone() != null) {
        z.add(o.zone());
      }
    }
    extraZones.forEach((r, z) -> {
      if (zones.containsKey(r)) {
        zones.get(r).addAll(z);
      }
    });
    cpu.sort(BY_PRICE);
    this.cpuByPrice = Collections.unmodifiableList(cpu);
    this.byAccelerator = sortedValues(acc);
    this.byInstanceType = sortedValues(types);
    Map<String, List<String>> zr = new LinkedHashMap<>();
    zones.forEach((r, z) -> zr.put(r, List.copyOf(z)));
    this.zonesByRegion = Collections.unmodifiableMap(zr);
  }

  static String key(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static Map<String, List<Offer>> sortedValues(Map<String, List<Offer>> m) {
    Map<String, List<Offer>> out = new HashMap<>(m.size() * 2);
    m.forEach((k, v) -> {
      v.sort(BY_PRICE);
      out.put(k, Collections.unmodifiableList(v));
    });
    return out;
  }

  List<Offer> forAccelerator(String name) {
    return byAccelerator.getOrDefault(key(name), List.of());
  }

  List<Offer> forInstanceType(String type) {
    return byInstanceType.getOrDefault(key(type), List.of());
  }
}
