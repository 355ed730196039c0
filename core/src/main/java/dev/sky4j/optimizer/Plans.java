package dev.sky4j.optimizer;

import dev.sky4j.catalog.Offer;
import dev.sky4j.spec.AcceleratorRequest;
import dev.sky4j.spec.Amount;
import dev.sky4j.spec.Resources;
import java.util.Comparator;
import java.util.Locale;

/** How plans are ordered and how requests and offers read in explanations. */
public final class Plans {
  private Plans() {}

  /** Cheapest total first; the rest only makes ties come out the same every time. */
  static final Comparator<LaunchPlan> BY_COST = Comparator
      .comparingDouble(LaunchPlan::totalPerHour)
      .thenComparing(LaunchPlan::cloud)
      .thenComparing(LaunchPlan::region)
      .thenComparing(LaunchPlan::zone, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(LaunchPlan::instanceType)
      .thenComparing(LaunchPlan::acceleratorName, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparingDouble(LaunchPlan::acceleratorCount);

  /** The request in a user's words: {@code H100:8}, {@code p3.2xlarge}, {@code cpus=4+}. */
  static String what(Resources r) {
    if (r.accelerator() != null) {
      return r.accelerator().toString();
    }
    if (r.instanceType() != null) {
      return r.instanceType();
    }
    String s = ShapeFilter.shape(r);
    return s.isEmpty() ? "CPU instance" : "CPU instance with " + s;
  }

  static String amount(Amount a) {
    return AcceleratorRequest.formatCount(a.value()) + (a.perCpu() ? "x" : a.orMore() ? "+" : "");
  }

  /** Said where a catalog row only tells where a type is offered, not what it costs. */
  public static final String PRICE_UNKNOWN = "price unknown";

  static String money(double d) {
    if (Double.isNaN(d)) {
      return PRICE_UNKNOWN;
    }
    return String.format(Locale.ROOT, "$%.2f/h", d);
  }

  /** {@code aws p4d.24xlarge (A100:8) in us-east-1 at $32.77/h}. */
  static String offer(Offer o, boolean spot) {
    String acc = o.hasAccelerator()
        ? " (" + o.acceleratorName() + ":" + AcceleratorRequest.formatCount(o.acceleratorCount()) + ")"
        : "";
    String where = o.zone() == null ? o.region() : o.zone();
    double price = spot && o.hasSpot() ? o.spotPrice() : o.price();
    return o.cloud() + " " + o.instanceType() + acc + " in " + where
        + (Double.isNaN(price) ? " (" + PRICE_UNKNOWN + ")" : " at " + money(price))
        + (spot && o.hasSpot() ? " spot" : "");
  }
}
