package dev.sky4j.cli;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.json.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How commands print: {@code -o json} documents and the number formats shared by tables. */
public final class Output {
  private Output() {}

  /** Writes {@code value} (maps, lists, records, numbers) as one pretty-printed JSON document. */
  public static void json(PrintWriter out, Object value) {
    out.println(Json.writePretty(value));
    out.flush();
  }

  /** The {@code "catalog"} entry of every {@code -o json} document, in a fixed order. */
  public static Map<String, Object> catalog(Catalog catalog) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", catalog.date());
    m.put("source", catalog.source());
    m.put("stale_hint", catalog.staleHint(java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
    return m;
  }

  /** {@code $ 3.060} as SkyPilot prints prices; {@code -} when unknown. */
  public static String price(double usd) {
    return Double.isNaN(usd) ? "-" : String.format(Locale.ROOT, "$ %.3f", usd);
  }

  /** {@code 8}, {@code 0.5}, {@code 1.5}; {@code -} when unknown. */
  public static String number(double d) {
    if (Double.isNaN(d)) {
      return "-";
    }
    return d == Math.rint(d) ? Long.toString((long) d)
        : String.format(Locale.ROOT, "%.3f", d).replaceAll("0+$", "");
  }

  /** {@code 80GB}; {@code -} when unknown. */
  public static String gb(double d) {
    return Double.isNaN(d) ? "-" : number(d) + "GB";
  }

  /** NaN as JSON null. */
  public static Double orNull(double d) {
    return Double.isNaN(d) ? null : d;
  }
}
