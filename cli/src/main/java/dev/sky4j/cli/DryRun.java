package dev.sky4j.cli;

import dev.sky4j.catalog.Catalog;
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
import java.util.Set;

/**
 * What {@code sky launch --dryrun} shows for one task: the plans the optimizer considered (the
 * cheapest {@value #ROWS_PER_CANDIDATE} of each candidate), the chosen one marked, and the
 * choice in words; or why nothing fits.
 */
final class DryRun {
  static final int ROWS_PER_CANDIDATE = 10;
  private static final String[] BANDS = {"<5%", "5-10%", "10-15%", "15-20%", ">20%"};

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
    boolean spot = o.shown().stream().anyMatch(LaunchPlan::spot);
    boolean many = o.numNodes() > 1;
    List<String> headers = new ArrayList<>(List.of("INFRA", "INSTANCE", "vCPUs", "Mem(GB)",
        "GPUS", spot ? "SPOT_$/h" : "$/h"));
    if (many) {
      headers.add("TOTAL_$/h");
    }
    headers.add("CHOSEN");
    Table t = new Table(headers);
    LaunchPlan chosen = o.result().plans().get(0);
    for (LaunchPlan p : o.shown()) {
      List<Object> row = new ArrayList<>(List.of(p.infra(),
          (p.spot() ? "[Spot]" : "") + p.instanceType(), Output.number(p.vcpus()),
          Output.number(p.memoryGib()), p.accelerators() == null ? "-" : p.accelerators(),
          money(p.pricePerNode())));
      if (many) {
        row.add(money(p.totalPerHour()));
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
    if (p.spot() && p.interruptionBand() != null && p.interruptionBand() >= 0
        && p.interruptionBand() < BANDS.length) {
      sb.append(", spot interruptions ").append(BANDS[p.interruptionBand()]).append(" a month");
    }
    return sb.append('.').toString();
  }

  static Map<String, Object> json(LaunchPlan p) {
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
    m.put("num_nodes", p.numNodes());
    m.put("total_per_hour", p.totalPerHour());
    m.put("spot_interruption_band", p.interruptionBand());
    return m;
  }

  static Map<String, Object> json(Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task", o.taskName());
    m.put("num_nodes", o.numNodes());
    m.put("chosen", o.result().best().map(DryRun::json).orElse(null));
    m.put("plans", o.shown().stream().map(DryRun::json).toList());
    m.put("total_plans", o.result().plans().size());
    m.put("empty_reason", o.result().emptyReason());
    return m;
  }

  private static String money(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
