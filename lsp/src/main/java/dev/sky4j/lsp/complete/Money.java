package dev.sky4j.lsp.complete;

import dev.sky4j.catalog.Offer;
import dev.sky4j.optimizer.Plans;
import java.util.Locale;

/** Prices as the editor shows them: {@code $3.06/h}; a dash when there is no such offer. */
public final class Money {
  private Money() {}

  public static String perHour(double usd) {
    return Double.isNaN(usd) ? "—" : "$" + amount(usd) + "/h";
  }

  /** An offer's on-demand price, or "price unknown" on a row that only says where it is offered. */
  public static String perHour(Offer o) {
    return onDemand(o.price());
  }

  /** An on-demand price: NaN there means the catalog knows the offer but not its price. */
  public static String onDemand(double usd) {
    return Double.isNaN(usd) ? Plans.PRICE_UNKNOWN : perHour(usd);
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
