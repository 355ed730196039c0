package dev.sky4j.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What moving data out of a region costs, per GB ({@code egress.csv} of the bundled catalog): to
 * another region of the same cloud, or out to the internet (another cloud, the local cloud). A
 * region without its own row takes its cloud's {@code *} row; a cloud without rows costs NaN.
 */
public final class EgressPrices {
  private record Row(double interRegion, double internet) {}

  private static volatile EgressPrices builtin;
  private final Map<String, Row> rows;

  EgressPrices(Map<String, Row> rows) {
    this.rows = Map.copyOf(rows);
  }

  /** The bundled table, read once. */
  public static EgressPrices builtin() {
    EgressPrices b = builtin;
    if (b == null) {
      try (InputStream in = EgressPrices.class.getResourceAsStream("builtin/egress.csv")) {
        b = in == null ? new EgressPrices(Map.of()) : parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled egress.csv", e);
      }
      builtin = b;
    }
    return b;
  }

  static EgressPrices parse(InputStream in) throws IOException {
    Map<String, Row> rows = new HashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    r.readLine();
    for (String line; (line = r.readLine()) != null; ) {
      String[] f = line.split(",");
      if (f.length >= 4) {
        rows.put(key(f[0], f[1]), new Row(Double.parseDouble(f[2]), Double.parseDouble(f[3])));
      }
    }
    return new EgressPrices(rows);
  }

  /**
   * USD per GB to move data from {@code fromCloud/fromRegion} to {@code toCloud/toRegion}: 0 in
   * the same region, the inter-region price within a cloud, the internet price across clouds.
   */
  public double perGb(String fromCloud, String fromRegion, String toCloud, String toRegion) {
    if (fromCloud.equalsIgnoreCase(toCloud) && fromRegion.equalsIgnoreCase(toRegion)) {
      return 0;
    }
    Row row = rows.getOrDefault(key(fromCloud, fromRegion), rows.get(key(fromCloud, "*")));
    if (row == null) {
      return Double.NaN;
    }
    return fromCloud.equalsIgnoreCase(toCloud) ? row.interRegion() : row.internet();
  }

  private static String key(String cloud, String region) {
    return cloud.toLowerCase(Locale.ROOT) + "/" + region.toLowerCase(Locale.ROOT);
  }
}
