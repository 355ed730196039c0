package dev.sky4j.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Parses {@code accelerators.csv}, or derives the same facts from offers when it is absent. */
final class AcceleratorFile {
  private AcceleratorFile() {}

  /** Lower-cased name to info, in name order. */
  static Map<String, AcceleratorInfo> parse(String text, String where) {
    CsvCursor c = new CsvCursor(text, where);
    Map<String, AcceleratorInfo> out = new TreeMap<>();
    if (!c.next()) {
      return out;
    }
    while (c.next()) {
      String name = c.str(0);
      if (name == null) {
        throw new CatalogException(c.where() + ": accelerator_name is empty");
      }
      List<Double> counts = new ArrayList<>();
      String cs = c.str(3);
      if (cs != null) {
        for (String s : cs.split(";")) {
          try {
            counts.add(Double.parseDouble(s.trim()));
          } catch (NumberFormatException e) {
            throw new CatalogException(c.where() + ": count '" + s + "' is not a number");
          }
        }
      }
      counts.sort(null);
      String cl = c.str(4);
      List<String> clouds = cl == null ? List.of() : Arrays.stream(cl.split(";")).map(String::trim)
          .sorted().toList();
      out.put(CloudTable.key(name), new AcceleratorInfo(name, c.num(1), c.str(2), counts, clouds));
    }
    return out;
  }

  /** The file's text for {@code infos}, as {@link #parse} reads it. */
  static String write(Map<String, AcceleratorInfo> infos) {
    StringBuilder sb = new StringBuilder("accelerator_name,gpu_memory_gib,vendor,counts,clouds\n");
    for (AcceleratorInfo a : infos.values()) {
      sb.append(a.name().contains(",") ? '"' + a.name() + '"' : a.name()).append(',')
          .append(Double.isNaN(a.memoryGib()) ? "" : fmt(a.memoryGib())).append(',')
          .append(a.vendor() == null ? "" : a.vendor()).append(',')
          .append(String.join(";", a.counts().stream().map(AcceleratorFile::fmt).toList()))
          .append(',').append(String.join(";", a.clouds())).append('\n');
    }
    return sb.toString();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** Adds (or extends) entries for the accelerators in {@code offers}. */
  static Map<String, AcceleratorInfo> merge(Map<String, AcceleratorInfo> base, List<Offer> offers) {
    Map<String, AcceleratorInfo> out = new TreeMap<>(base);
    for (Offer o : offers) {
      if (!o.hasAccelerator()) {
        continue;
      }
      String k = CloudTable.key(o.acceleratorName());
      AcceleratorInfo old = out.get(k);
      TreeSet<Double> counts = new TreeSet<>(old == null ? List.of() : old.counts());
      counts.add(o.acceleratorCount());
      TreeSet<String> clouds = new TreeSet<>(old == null ? List.of() : old.clouds());
      clouds.add(o.cloud());
      out.put(k, new AcceleratorInfo(old == null ? o.acceleratorName() : old.name(),
          old == null ? o.gpuMemoryGib() : old.memoryGib(), old == null ? null : old.vendor(),
          List.copyOf(counts), List.copyOf(clouds)));
    }
    return out;
  }
}
