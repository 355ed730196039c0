package dev.sky4j.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Which offers can host a request for {@code count} accelerators. A fractional count
 * ({@code T4:0.5}) lets several jobs share one GPU on a cluster (SkyPilot), so it is hosted by an
 * offer of exactly that fraction (AWS g6f {@code L4:0.125}) or by one with the next whole number
 * of GPUs ({@code T4:1}): the host has the whole GPU, the job's slot takes its share.
 */
public final class AcceleratorHosts {
  private AcceleratorHosts() {}

  /** Offers that can host the request, cheapest on-demand first. */
  public static List<Offer> offers(Catalog catalog, String name, double count) {
    List<Offer> exact = catalog.offersForAccelerator(name, count);
    if (!isFractional(count)) {
      return exact;
    }
    List<Offer> out = new ArrayList<>(exact);
    for (Offer o : catalog.offersForAccelerator(name, Math.ceil(count))) {
      if (!out.contains(o)) {
        out.add(o);
      }
    }
    out.sort(CloudTable.BY_PRICE);
    return List.copyOf(out);
  }

  /** Whether an offer of {@code offered} devices can host a request for {@code asked}. */
  public static boolean hosts(double offered, double asked) {
    return Math.abs(offered - asked) <= 0.01
        || (isFractional(asked) && Math.abs(offered - Math.ceil(asked)) <= 0.01);
  }

  /** A count that is not a whole number of devices. */
  public static boolean isFractional(double count) {
    return count > 0 && Math.abs(count - Math.rint(count)) > 1e-9;
  }
}
