package dev.sky4j.cli;

import dev.sky4j.catalog.AcceleratorInfo;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.optimizer.AcceleratorNames;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code sky show-gpus} without a GPU: COMMON_GPU, GOOGLE_TPU and OTHER_GPU tables. */
final class GpuListing {
  /** The GPUs SkyPilot lists first, plus B200 which has since become common. */
  static final Set<String> COMMON = Set.of("A10", "A10G", "A100", "A100-80GB", "B200", "H100",
      "H200", "L4", "L40S", "T4", "V100", "V100-32GB");
  private static final Pattern TPU_SIZE = Pattern.compile("^tpu-[a-z0-9]+-(\\d+)$");

  private final Catalog catalog;
  private final String cloud;
  private final boolean all;

  GpuListing(Catalog catalog, String cloud, boolean all) {
    this.catalog = catalog;
    this.cloud = cloud == null ? null : cloud.toLowerCase(Locale.ROOT);
    this.all = all;
  }

  int print(PrintWriter out, boolean json) {
    Map<String, List<String>> common = new LinkedHashMap<>();
    Map<String, List<String>> tpu = new LinkedHashMap<>();
    Map<String, List<String>> other = new LinkedHashMap<>();
    int hiddenTpus = 0;
    for (AcceleratorInfo a : catalog.accelerators()) {
      List<String> counts = counts(a);
      if (counts.isEmpty()) {
        continue;
      }
      if (a.isTpu()) {
        if (all || smallSlice(a.name())) {
          tpu.put(a.name(), counts);
        } else {
          hiddenTpus++;
        }
      } else {
        (COMMON.contains(a.name()) ? common : other).put(a.name(), counts);
      }
    }
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("catalog", Output.catalog(catalog));
      doc.put("common_gpu", common);
      doc.put("google_tpu", tpu);
      doc.put("other_gpu", other);
      Output.json(out, doc);
      return 0;
    }
    out.println(header(catalog));
    section(out, "COMMON_GPU", common);
    section(out, "GOOGLE_TPU", tpu);
    section(out, "OTHER_GPU", other);
    if (hiddenTpus > 0) {
      out.println();
      out.println("Hint: " + hiddenTpus + " larger TPU slices are hidden; use -a/--all to list "
          + "them. Run 'sky show-gpus GPU' for offers and prices, e.g. 'sky show-gpus H100:8'.");
    }
    out.flush();
    return 0;
  }

  /** The catalog's date and source, and a refresh hint on its own line when it is old. */
  static String header(Catalog catalog) {
    String hint = catalog.staleHint(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    return "Catalog " + catalog.date() + " (" + catalog.source() + "). Prices in USD/h, as of "
        + "that date." + (hint == null ? "" : System.lineSeparator() + hint);
  }

  private static void section(PrintWriter out, String title, Map<String, List<String>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Table t = new Table(title, "AVAILABLE_QUANTITIES");
    rows.forEach((name, counts) -> t.row(name, String.join(", ", counts)));
    out.println();
    out.print(t.render());
  }

  private List<String> counts(AcceleratorInfo a) {
    if (cloud == null) {
      return a.counts().stream().map(Output::number).toList();
    }
    if (!a.clouds().contains(cloud)) {
      return List.of();
    }
    TreeSet<Double> c = new TreeSet<>();
    for (Offer o : catalog.offersForAccelerator(a.name(), 0)) {
      if (o.cloud().equals(cloud)) {
        c.add(o.acceleratorCount());
      }
    }
    return c.stream().map(Output::number).toList();
  }

  /** Slices of up to 8 chips: what single-host TPU work uses; the rest is noise by default. */
  private static boolean smallSlice(String name) {
    Matcher m = TPU_SIZE.matcher(name.toLowerCase(Locale.ROOT));
    return m.matches() && Integer.parseInt(m.group(1)) <= 8;
  }

  /** " Did you mean A100, A100-80GB?" or "". */
  static String didYouMean(Catalog catalog, String query) {
    List<String> close = AcceleratorNames.close(catalog, query, 6);
    return close.isEmpty() ? "" : " Did you mean " + String.join(", ", close) + "?";
  }
}
