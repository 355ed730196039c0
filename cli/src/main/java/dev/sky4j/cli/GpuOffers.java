package dev.sky4j.cli;

import dev.sky4j.catalog.AcceleratorInfo;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.optimizer.Plans;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sky show-gpus GPU[:N]}: one row per instance type and region, at the region's cheapest
 * zone (GCP prices zones separately; listing each would repeat rows). With {@code --all}, one row
 * per instance type at its cheapest region, without REGION. Cheapest first.
 */
final class GpuOffers {
  private static final Comparator<Offer> ORDER = Comparator
      .comparingDouble((Offer o) -> o.price())
      .thenComparingDouble(o -> o.hasSpot() ? o.spotPrice() : Double.MAX_VALUE)
      .thenComparing(Offer::cloud)
      .thenComparing(Offer::instanceType)
      .thenComparingDouble(Offer::acceleratorCount)
      .thenComparing(Offer::region);

  private final Catalog catalog;
  private final AcceleratorInfo info;
  private final double count;
  private final String cloud;
  private final String region;
  private final boolean collapseRegions;

  GpuOffers(Catalog catalog, AcceleratorInfo info, double count, String cloud, String region,
      boolean collapseRegions) {
    this.catalog = catalog;
    this.info = info;
    this.count = count;
    this.cloud = cloud;
    this.region = region;
    this.collapseRegions = collapseRegions;
  }

  int print(PrintWriter out, PrintWriter err, boolean json) {
    List<Offer> rows = rows();
    if (rows.isEmpty()) {
      String what = info.name() + (count > 0 ? ":" + Output.number(count) : "");
      err.println("No offer of " + what + (cloud == null ? "" : " on " + cloud)
          + (region == null ? "" : " in region " + region) + " in the catalog. " + info.name()
          + " comes in " + String.join(", ", info.counts().stream().map(Output::number).toList())
          + " on " + String.join(", ", info.clouds()) + ".");
      err.flush();
      return 1;
    }
    if (json) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Offer o : rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gpu", o.acceleratorName());
        m.put("qty", o.acceleratorCount());
        m.put("cloud", o.cloud());
        m.put("instance_type", o.instanceType());
        m.put("device_memory_gib", Output.orNull(o.gpuMemoryGib()));
        m.put("vcpus", Output.orNull(o.vcpus()));
        m.put("host_memory_gib", Output.orNull(o.memoryGib()));
        m.put("price", Output.orNull(o.price()));
        m.put("spot_price", Output.orNull(o.spotPrice()));
        if (!collapseRegions) {
          m.put("region", o.region());
        }
        list.add(m);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("catalog", Output.catalog(catalog));
      doc.put("offers", list);
      Output.json(out, doc);
      return 0;
    }
    List<String> headers = new ArrayList<>(List.of("GPU", "QTY", "CLOUD", "INSTANCE_TYPE",
        "DEVICE_MEM", "vCPUs", "HOST_MEM", "HOURLY_PRICE", "HOURLY_SPOT_PRICE"));
    if (!collapseRegions) {
      headers.add("REGION");
    }
    Table t = new Table(headers);
    for (Offer o : rows) {
      List<Object> cells = new ArrayList<>(List.of(o.acceleratorName(),
          Output.number(o.acceleratorCount()), o.cloud(), o.instanceType(),
          Output.gb(o.gpuMemoryGib()), Output.number(o.vcpus()), Output.gb(o.memoryGib()),
          o.hasPrice() ? Output.price(o.price()) : Plans.PRICE_UNKNOWN,
          Output.price(o.spotPrice())));
      if (!collapseRegions) {
        cells.add(o.region());
      }
      t.row(cells);
    }
    out.println(GpuListing.header(catalog));
    out.println();
    out.print(t.render());
    out.flush();
    return 0;
  }

  /** The offers to show, one per row key, each at its cheapest price. */
  List<Offer> rows() {
    Map<String, Offer> best = new LinkedHashMap<>();
    for (Offer o : catalog.offersForAccelerator(info.name(), count)) {
      if ((cloud != null && !o.cloud().equalsIgnoreCase(cloud))
          || (region != null && !o.region().equalsIgnoreCase(region))) {
        continue;
      }
      String key = o.cloud() + '|' + o.instanceType() + '|' + o.acceleratorCount()
          + (collapseRegions ? "" : "|" + o.region());
      // offers arrive cheapest first: the first one of a key is its best price, but its spot
      // price may not be the key's cheapest spot
      Offer seen = best.get(key);
      if (seen == null) {
        best.put(key, o);
      } else if (o.hasSpot() && (!seen.hasSpot() || o.spotPrice() < seen.spotPrice())) {
        best.put(key, new Offer(seen.cloud(), seen.instanceType(), seen.acceleratorName(),
            seen.acceleratorCount(), seen.vcpus(), seen.memoryGib(), seen.gpuMemoryGib(),
            seen.price(), o.spotPrice(), seen.region(), null, seen.interruptionBand()));
      }
    }
    List<Offer> out = new ArrayList<>(best.values());
    out.sort(ORDER);
    return out;
  }
}
