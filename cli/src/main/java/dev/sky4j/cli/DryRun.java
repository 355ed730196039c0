package dev.sky4j.cli;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.optimizer.LaunchPlan;
import dev.sky4j.optimizer.OptimizeResult;
import dev.sky4j.optimizer.Optimizer;
import dev.sky4j.spec.ResourceChoices;
import dev.sky4j.spec.Resources;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code sky launch --dryrun} shows for one task: the plans the optimizer considered (the
 * cheapest {@value #ROWS_PER_CANDIDATE} of each candidate), the chosen one marked, and the
 * choice in words; or why nothing fits.
 */
final class DryRun {
  static final int ROWS_PER_CANDIDATE = 10;
  private static final String[] BANDS = {"<5%", "5-10%", "10-15%", "15-20%", ">20%"};
  private static final String NONE = "—";

  private final Catalog catalog;
  private final Optimizer optimizer;

  DryRun(Catalog catalog) {
    this.catalog = catalog;
    this.optimizer = new Optimizer(catalog);
  }

  /** One task's outcome: the result, and the rows worth showing. */
  record Outcome(String taskName, int numNodes, OptimizeResult result, List<LaunchPlan> shown) {}

  Outcome plan(String taskName, ResourceChoices choices, int numNodes) {
    OptimizeResult r = optimizer.optimize(choices, numNodes, Set.of(), null);
    Map<Resources, Integer> perCandidate = new IdentityHashMap<>();
    List<LaunchPlan> shown = new ArrayList<>();
    for (LaunchPlan p : r.plans()) {
      int n = perCandidate.merge(p.source(), 1, Integer::sum);
      if (n <= ROWS_PER_CANDIDATE) {
        shown.add(p);
      }
    }
    return new Outcome(taskName, numNodes, r, shown);
  }

  /** Prints the table and the choice; returns false when nothing fits (printed to err). */
  boolean print(Outcome o, PrintWriter out, PrintWriter err) {
    String task = o.taskName() == null ? "the task" : "task '" + o.taskName() + "'";
    if (o.result().isEmpty()) {
      err.println("No resources satisfy " + task + ": " + o.result().emptyReason() + ".");
      err.println("To fix: relax or change the resources (CLI flags such as --gpus, --infra, "
          + "--use-spot override the YAML); run 'sky show-gpus GPU' to see offers.");
      err.flush();
      return false;
    }
    boolean many = o.numNodes() > 1;
    boolean bands = o.shown().stream().anyMatch(p -> band(p) != null);
    List<String> headers = new ArrayList<>(List.of("INFRA", "INSTANCE", "vCPUs", "Mem(GB)",
        "GPUS", "$/h", "SPOT$/h"));
    if (many) {
      headers.add("TOTAL_$/h");
    }
    if (bands) {
      headers.add("SPOT_INTERRUPT");
    }
    headers.add("CHOSEN");
    Table t = new Table(headers);
    LaunchPlan chosen = o.result().plans().get(0);
    for (LaunchPlan p : o.shown()) {
      Prices prices = prices(p);
      List<Object> row = new ArrayList<>(List.of(p.infra(),
          (p.spot() ? "[Spot]" : "") + p.instanceType(), Output.number(p.vcpus()),
          Output.number(p.memoryGib()), p.accelerators() == null ? "-" : p.accelerators(),
          money(prices.onDemand()), money(prices.spot())));
      if (many) {
        row.add(money(p.totalPerHour()));
      }
      if (bands) {
        row.add(band(p) == null ? NONE : band(p));
      }
      row.add(p == chosen ? "✔" : "");
      t.row(row);
    }
    out.println("Considered resources for " + task + " (" + o.numNodes() + " node"
        + (many ? "s" : "") + "), catalog " + catalog.date() + ":");
    out.print(t.render());
    int hidden = o.result().plans().size() - o.shown().size();
    if (hidden > 0) {
      out.println("(" + hidden + " more placements, used in this order if launching fails)");
    }
    out.println("Chosen: " + describe(chosen));
    out.flush();
    return true;
  }

  static String describe(LaunchPlan p) {
    StringBuilder sb = new StringBuilder();
    sb.append(p.infra()).append(' ').append(p.instanceType());
    if (p.accelerators() != null) {
      sb.append(" (").append(p.accelerators()).append(')');
    }
    sb.append(p.spot() ? ", spot" : ", on-demand");
    sb.append(", $").append(money(p.pricePerNode())).append("/h per node");
    if (p.numNodes() > 1) {
      sb.append(", $").append(money(p.totalPerHour())).append("/h for ").append(p.numNodes())
          .append(" nodes");
    }
    if (p.spot() && band(p) != null) {
      sb.append(", spot interruptions ").append(band(p)).append(" a month");
    }
    return sb.append('.').toString();
  }

  /** {@code <5%} .. {@code >20%} a month where the catalog knows it (AWS), else null. */
  private static String band(LaunchPlan p) {
    Integer b = p.interruptionBand();
    return b != null && b >= 0 && b < BANDS.length ? BANDS[b] : null;
  }

  /** On-demand and spot price of a plan's offer (NaN when there is none). */
  record Prices(double onDemand, double spot) {}

  /**
   * A plan carries only the price it launches at; the table shows both. The plan's offer is
   * looked up again: same instance type, accelerator and region (and zone where the plan has
   * one; a region-wide plan shows the region's cheapest spot zone).
   */
  Prices prices(LaunchPlan p) {
    double onDemand = Double.NaN;
    double spot = Double.NaN;
    for (Offer o : catalog.offersForInstanceType(p.cloud(), p.instanceType())) {
      if (!p.region().equals(o.region()) || (p.zone() != null && !p.zone().equals(o.zone()))
          || !Objects.equals(o.acceleratorName(), p.acceleratorName())
          || Math.abs(o.acceleratorCount() - p.acceleratorCount()) > 0.01) {
        continue;
      }
      onDemand = Double.isNaN(onDemand) ? o.price() : Math.min(onDemand, o.price());
      if (o.hasSpot()) {
        spot = Double.isNaN(spot) ? o.spotPrice() : Math.min(spot, o.spotPrice());
      }
    }
    return p.spot() ? new Prices(onDemand, p.pricePerNode())
        : new Prices(p.pricePerNode(), spot);
  }

  Map<String, Object> json(LaunchPlan p) {
    Prices prices = prices(p);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("infra", p.infra());
    m.put("cloud", p.cloud());
    m.put("region", p.region());
    m.put("zone", p.zone());
    m.put("instance_type", p.instanceType());
    m.put("spot", p.spot());
    m.put("accelerators", p.accelerators());
    m.put("vcpus", Output.orNull(p.vcpus()));
    m.put("memory_gib", Output.orNull(p.memoryGib()));
    m.put("price_per_node", p.pricePerNode());
    m.put("on_demand_price", Output.orNull(prices.onDemand()));
    m.put("spot_price", Output.orNull(prices.spot()));
    m.put("num_nodes", p.numNodes());
    m.put("total_per_hour", p.totalPerHour());
    m.put("spot_interruption_band", p.interruptionBand());
    return m;
  }

  Map<String, Object> json(Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task", o.taskName());
    m.put("num_nodes", o.numNodes());
    m.put("chosen", o.result().best().map(this::json).orElse(null));
    m.put("plans", o.shown().stream().map(this::json).toList());
    m.put("total_plans", o.result().plans().size());
    m.put("empty_reason", o.result().emptyReason());
    return m;
  }

  private static String money(double d) {
    return Double.isNaN(d) ? NONE : String.format(Locale.ROOT, "%.2f", d);
  }
}
