package dev.sky4j.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one cloud's {@code vms.csv} in SkyPilot's published catalog layout (InstanceType,
 * AcceleratorName, AcceleratorCount, vCPUs, MemoryGiB, GpuInfo, Price, SpotPrice, Region,
 * AvailabilityZone) and writes it in sky4j's {@code <cloud>.csv} layout, checking it on the way:
 * the header has every column, numbers are numbers, prices are sane, and there is at least one
 * priced row. A file that fails any check is refused whole, with its line, so a refresh never
 * installs half a catalog.
 */
public final class SkyPilotVms {
  static final String[] REQUIRED = {
    "InstanceType", "AcceleratorName", "AcceleratorCount", "vCPUs", "MemoryGiB", "Price",
    "SpotPrice", "Region", "AvailabilityZone"
  };
  /** Above this an hourly price is a unit mistake, not a machine (the largest TPU pods cost less). */
  static final double MAX_PRICE = 100_000;
  private static final Pattern MIB = Pattern.compile("SizeInMiB['\"]?\\s*:\\s*([0-9.]+)");

  /** What a converted file holds: the text in sky4j's layout and how many rows it kept. */
  public record Converted(String csv, int offers, int skippedWithoutPrice) {}

  private SkyPilotVms() {}

  /** Converts {@code text}; {@code where} names it in errors (a URL or a path). */
  public static Converted convert(String cloud, String text, String where) {
    CsvCursor c = new CsvCursor(text, where);
    if (!c.next()) {
      throw new CatalogException(where + ": the file is empty; expected a header with "
          + String.join(",", REQUIRED));
    }
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < c.fieldCount(); i++) {
      String h = c.str(i);
      if (h != null) {
        col.put(h.trim(), i);
      }
    }
    for (String need : REQUIRED) {
      if (!col.containsKey(need)) {
        throw new CatalogException(where + ": the header lacks column '" + need + "'; is this a "
            + "SkyPilot vms.csv? Expected " + String.join(",", REQUIRED));
      }
    }
    Integer gpuInfo = col.get("GpuInfo");
    StringBuilder out = new StringBuilder(text.length());
    out.append(String.join(",", OfferFile.COLUMNS)).append('\n');
    int kept = 0;
    int skipped = 0;
    while (c.next()) {
      String type = c.str(col.get("InstanceType"));
      String acc = c.str(col.get("AcceleratorName"));
      String region = c.str(col.get("Region"));
      double price = c.num(col.get("Price"));
      double spot = c.num(col.get("SpotPrice"));
      double count = c.num(col.get("AcceleratorCount"));
      double vcpus = c.num(col.get("vCPUs"));
      double mem = c.num(col.get("MemoryGiB"));
      if (region == null) {
        throw new CatalogException(c.where() + ": Region is empty");
      }
      if (type == null && acc == null) {
        throw new CatalogException(c.where() + ": InstanceType and AcceleratorName are both empty");
      }
      if (Double.isNaN(price)) {
        skipped++; // SkyPilot lists some types it cannot price; the offerings file places them
        continue;
      }
      checkPrice(c, "Price", price);
      if (!Double.isNaN(spot)) {
        checkPrice(c, "SpotPrice", spot);
      }
      if (acc != null && !(count > 0)) {
        throw new CatalogException(c.where() + ": AcceleratorCount must be above 0 for " + acc);
      }
      String gpuMem = "";
      if (gpuInfo != null && acc != null) {
        Matcher m = MIB.matcher(nz(c.str(gpuInfo)));
        if (m.find()) {
          gpuMem = num(Double.parseDouble(m.group(1)) / 1024); // the first is one device's
        }
      }
      out.append(cloud).append(',').append(csv(type)).append(',').append(csv(acc)).append(',')
          .append(acc == null ? "" : num(count)).append(',').append(num(vcpus)).append(',')
          .append(num(mem)).append(',').append(gpuMem).append(',').append(num(price)).append(',')
          .append(num(spot)).append(',').append(csv(region)).append(',')
          .append(csv(c.str(col.get("AvailabilityZone")))).append(",\n");
      kept++;
    }
    if (kept == 0) {
      throw new CatalogException(where + ": no priced row" + (skipped > 0 ? " (" + skipped
          + " rows without a Price)" : "") + "; refusing to replace the catalog with nothing");
    }
    return new Converted(out.toString(), kept, skipped);
  }

  private static void checkPrice(CsvCursor c, String column, double p) {
    if (!(p >= 0) || p > MAX_PRICE) {
      throw new CatalogException(String.format(Locale.ROOT, "%s: %s %s is not a sane hourly "
          + "price (expected 0 to %.0f USD)", c.where(), column, num(p), MAX_PRICE));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String csv(String s) {
    if (s == null) {
      return "";
    }
    return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  private static String num(double d) {
    if (Double.isNaN(d)) {
      return "";
    }
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
