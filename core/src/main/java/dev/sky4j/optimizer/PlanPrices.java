package dev.sky4j.optimizer;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import java.util.Objects;

/**
 * A plan's on-demand and spot price side by side (NaN where unknown). A plan carries only the
 * price it launches at; its offer is looked up again: same instance type, accelerator and region
 * (and zone where the plan has one; a region-wide plan shows the region's cheapest spot zone).
 */
public record PlanPrices(double onDemand, double spot) {
  public static PlanPrices of(Catalog catalog, LaunchPlan p) {
    double onDemand = Double.NaN;
    double spot = Double.NaN;
    for (Offer o : catalog.offersForInstanceType(p.cloud(), p.instanceType())) {
      if (!p.region().equals(o.region()) || (p.zone() != null && !p.zone().equals(o.zone()))
          || !Objects.equals(o.acceleratorName(), p.acceleratorName())
          || Math.abs(o.acceleratorCount() - p.acceleratorCount()) > 0.01) {
        continue;
      }
      if (o.hasPrice()) {
        onDemand = Double.isNaN(onDemand) ? o.price() : Math.min(onDemand, o.price());
      }
      if (o.hasSpot()) {
        spot = Double.isNaN(spot) ? o.spotPrice() : Math.min(spot, o.spotPrice());
      }
    }
    return p.spot() ? new PlanPrices(onDemand, p.pricePerNode())
        : new PlanPrices(p.pricePerNode(), spot);
  }
}
