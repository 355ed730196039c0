package dev.sky4j.lsp.complete;

import java.util.Locale;

/** Prices as the editor shows them: {@code $3.06/h}; a dash when there is no such offer. */
public final class Money {
  private Money() {}

  public static String perHour(double usd) {
    return Double.isNaN(usd) ? "—" : "$" + amount(usd) + "/h";
  }

  public static String amount(double usd) {
    if (Double.isNaN(usd)) {
      return "—";
    }
    return usd < 0.1 ? String.format(Locale.ROOT, "%.3f", usd) : String.format(Locale.ROOT, "%.2f", usd);
  }

  public static String gib(double g) {
    if (Double.isNaN(g) || g <= 0) {
      return "?";
    }
    return (g == Math.rint(g) ? Long.toString((long) g) : String.format(Locale.ROOT, "%.1f", g)) + " GB";
  }
}
