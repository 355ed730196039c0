package dev.sky4j.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one {@code <cloud>.csv} into offers. Columns are found by header name, so a newer file
 * may reorder or add columns. GCP accelerator rows (empty instance type) are joined with their
 * host row in the same zone ({@link GcpHosts}); a GPU with no such host in a zone is left out.
 */
final class OfferFile {
  static final String[] COLUMNS = {
    "cloud", "instance_type", "accelerator_name", "accelerator_count", "vcpus", "memory_gib",
    "gpu_memory_gib", "price", "spot_price", "region", "zone", "spot_interruption_band"
  };
  private static final int TYPE = 1, ACC = 2, COUNT = 3, VCPUS = 4, MEM = 5, GPU_MEM = 6,
      PRICE = 7, SPOT = 8, REGION = 9, ZONE = 10, BAND = 11;

  private OfferFile() {}

  static List<Offer> parse(String cloud, String text, String where) {
    CsvCursor c = new CsvCursor(text, where);
    if (!c.next()) {
      return new ArrayList<>();
    }
    int[] col = header(c, where);
    boolean gcp = cloud.equals("gcp");
    List<Offer> out = new ArrayList<>(text.length() / 70);
    Map<String, Offer> hosts = gcp ? new HashMap<>() : null;
    List<Offer> attachable = gcp ? new ArrayList<>() : null;
    while (c.next()) {
      String type = c.str(col[TYPE]);
      String acc = c.str(col[ACC]);
      String region = c.str(col[REGION]);
      double price = c.num(col[PRICE]);
      if (region == null || Double.isNaN(price)) {
        throw new CatalogException(c.where() + ": every row needs a region and a price");
      }
      Integer band = c.isEmpty(col[BAND]) ? null : (int) c.num(col[BAND]);
      Offer o = new Offer(cloud, type, acc, acc == null ? 0 : c.num(col[COUNT]), c.num(col[VCPUS]),
          c.num(col[MEM]), c.num(col[GPU_MEM]), price, c.num(col[SPOT]), region,
          c.str(col[ZONE]), band);
      if (type == null) {
        if (!gcp || acc == null) {
          throw new CatalogException(c.where() + ": instance_type is empty");
        }
        attachable.add(o);
      } else if (gcp && acc == null) {
        hosts.put(o.zone() + '/' + type, o);
        if (!GcpHosts.isGpuOnlyFamily(type)) {
          out.add(o);
        }
      } else {
        out.add(o);
      }
    }
    if (gcp) {
      compose(attachable, hosts, out);
    }
    return out;
  }

  private static void compose(List<Offer> accelerators, Map<String, Offer> hosts, List<Offer> out) {
    for (Offer a : accelerators) {
      String hostType = GcpHosts.hostFor(a.acceleratorName(), a.acceleratorCount());
      if (hostType == null) {
        continue;
      }
      if (hostType.equals(GcpHosts.TPU_VM)) {
        out.add(new Offer(a.cloud(), hostType, a.acceleratorName(), a.acceleratorCount(),
            Double.NaN, Double.NaN, a.gpuMemoryGib(), a.price(), a.spotPrice(), a.region(),
            a.zone(), null));
        continue;
      }
      Offer h = hosts.get(a.zone() + '/' + hostType);
      if (h == null) {
        continue;
      }
      out.add(new Offer(a.cloud(), hostType, a.acceleratorName(), a.acceleratorCount(), h.vcpus(),
          h.memoryGib(), a.gpuMemoryGib(), h.price() + a.price(), h.spotPrice() + a.spotPrice(),
          a.region(), a.zone(), null));
    }
  }

  private static int[] header(CsvCursor c, String where) {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < c.fieldCount(); i++) {
      String h = c.str(i);
      if (h != null) {
        byName.put(h.trim(), i);
      }
    }
    int[] col = new int[COLUMNS.length];
    for (int i = 0; i < COLUMNS.length; i++) {
      Integer idx = byName.get(COLUMNS[i]);
      if (idx == null) {
        throw new CatalogException(where + ": header lacks column '" + COLUMNS[i]
            + "'; expected " + String.join(",", COLUMNS));
      }
      col[i] = idx;
    }
    return col;
  }
}
