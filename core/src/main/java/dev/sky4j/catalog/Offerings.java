package dev.sky4j.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a cloud offers each instance type, priced or not: {@code offerings/<cloud>.csv} (one row
 * per type: shape and the regions offering it) and {@code offerings/<cloud>-zones.csv} (each
 * region's zones). Derived from the cloud's own API data (AWS: moto's copy of
 * DescribeInstanceTypes, see scripts/catalog/derive-aws-from-moto.py), so every real instance
 * type validates even where the price file has no row for it. Such rows carry a NaN price: they
 * sort after every priced offer and show as "price unknown".
 */
final class Offerings {
  static final String FOLDER = "offerings/";

  private Offerings() {}

  static String typesFile(String cloud) {
    return FOLDER + cloud + ".csv";
  }

  static String zonesFile(String cloud) {
    return FOLDER + cloud + "-zones.csv";
  }

  /**
   * An unpriced offer for each (type, region) of {@code text} that {@code priced} lacks (only of
   * types with accelerators when {@code acceleratedOnly}). A type the price file has keeps that
   * file's shape and accelerator name.
   */
  static List<Offer> unpriced(String cloud, String text, String where, List<Offer> priced,
      boolean acceleratedOnly) {
    Set<String> have = new HashSet<>(priced.size() * 2);
    Map<String, Offer> shapeOf = new HashMap<>();
    for (Offer o : priced) {
      String type = CloudTable.key(o.instanceType());
      have.add(type + '|' + o.region());
      shapeOf.putIfAbsent(type, o);
    }
    List<Offer> out = new ArrayList<>();
    CsvCursor c = new CsvCursor(text, where);
    if (!c.next()) {
      return out;
    }
    while (c.next()) {
      String type = c.str(0);
      String regions = c.str(6);
      if (type == null || regions == null) {
        throw new CatalogException(c.where() + ": every row needs an instance_type and regions");
      }
      String key = CloudTable.key(type);
      Offer shape = shapeOf.get(key);
      String acc = shape != null ? shape.acceleratorName() : c.str(1);
      if (acceleratedOnly && acc == null) {
        continue;
      }
      double count = shape != null ? shape.acceleratorCount() : acc == null ? 0 : c.num(2);
      double vcpus = shape != null && !Double.isNaN(shape.vcpus()) ? shape.vcpus() : c.num(3);
      double mem = shape != null && !Double.isNaN(shape.memoryGib()) ? shape.memoryGib() : c.num(4);
      double gpuMem = shape != null ? shape.gpuMemoryGib() : c.num(5);
      for (String region : regions.split(";")) {
        if (!have.contains(key + '|' + region)) {
          out.add(new Offer(cloud, type, acc, count, vcpus, mem, gpuMem, Double.NaN, Double.NaN,
              region.intern(), null, null));
        }
      }
    }
    return out;
  }

  /** Region to zones, from {@code <cloud>-zones.csv}. */
  static Map<String, List<String>> zones(String text, String where) {
    Map<String, List<String>> out = new HashMap<>();
    CsvCursor c = new CsvCursor(text, where);
    if (!c.next()) {
      return out;
    }
    while (c.next()) {
      String region = c.str(0);
      String zones = c.str(1);
      if (region != null && zones != null) {
        out.put(region, List.of(zones.split(";")));
      }
    }
    return out;
  }
}
