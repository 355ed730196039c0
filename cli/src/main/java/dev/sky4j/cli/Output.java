package dev.sky4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Locale;

/** How commands print: {@code -o json} documents and the number formats shared by tables. */
public final class Output {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Output() {}

  /** Writes {@code value} (maps, lists, records, numbers) as one pretty-printed JSON document. */
  public static void json(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
    out.flush();
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
