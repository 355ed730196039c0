package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.OptimizeResponse;
import dev.sky4j.client.dto.PlanDto;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.optimizer.Plans;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sky launch --dryrun}: asks the server for the plans it would launch the task on
 * ({@code POST /optimize}, the launch engine's own planner, enabled clouds and flags included) and
 * shows the first {@value #ROWS_PER_CANDIDATE} of each candidate with the chosen one marked; or
 * why nothing fits, with what clouds that are not enabled would offer.
 */
final class DryRun {
  static final int ROWS_PER_CANDIDATE = 10;
  private static final String[] BANDS = {"<5%", "5-10%", "10-15%", "15-20%", ">20%"};
  private static final String NONE = "—";

  private DryRun() {}

  static int run(TaskInput in, boolean json, PrintWriter out, PrintWriter err) {
    return Remote.run(Version.current(), c -> {
      OptimizeResponse r = c.optimize(in, ROWS_PER_CANDIDATE);
      if (json) {
        Output.json(out, json(r));
        out.flush();
        return r.plans().isEmpty() ? 1 : 0;
      }
      return print(r, out, err) ? 0 : 1;
    });
  }

  /** Prints the table and the choice; returns false when nothing fits (the reason to err). */
  static boolean print(OptimizeResponse r, PrintWriter out, PrintWriter err) {
    String task = r.task() == null ? "the task" : "task '" + r.task() + "'";
    String catalog = "catalog " + r.catalog().date();
    boolean ok = !r.plans().isEmpty();
    if (!ok) {
      err.println("No resources satisfy " + task + ": " + r.emptyReason() + ".");
      err.println("To fix: relax or change the resources (CLI flags such as --gpus, --infra, "
          + "--use-spot override the YAML); run 'sky show-gpus GPU' to see offers.");
      err.flush();
      if (!r.notEnabled().isEmpty()) {
        out.println("Offers on clouds not enabled on this server (enabled: "
            + String.join(", ", r.enabledClouds()) + "; see sky check), " + catalog + ":");
        out.print(table(r.notEnabled(), r.numNodes(), null));
      }
    } else {
      out.println("Considered resources for " + task + " (" + r.numNodes() + " node"
          + (r.numNodes() > 1 ? "s" : "") + "), " + catalog + ":");
      out.print(table(r.plans(), r.numNodes(), r.plans().get(0)));
      int hidden = r.totalPlans() - r.plans().size();
      if (hidden > 0) {
        out.println("(" + hidden + " more placements, used in this order if launching fails)");
      }
      out.println("Chosen: " + describe(r.plans().get(0)));
    }
    for (String w : warnings(r)) {
      out.println("Warning: " + w);
    }
    if (r.catalog().staleHint() != null) {
      out.println(r.catalog().staleHint());
    }
    out.flush();
    return ok;
  }

  private static String table(List<PlanDto> plans, int numNodes, PlanDto chosen) {
    boolean many = numNodes > 1;
    boolean bands = plans.stream().anyMatch(p -> band(p) != null);
    boolean egress = plans.stream().anyMatch(p -> p.egressUsd() != null);
    List<String> headers = new ArrayList<>(List.of("INFRA", "INSTANCE", "vCPUs", "Mem(GB)",
        "GPUS", "$/h", "SPOT$/h"));
    if (many) {
      headers.add("TOTAL_$/h");
    }
    if (egress) {
      headers.add("DATA_EGRESS$");
    }
    if (bands) {
      headers.add("SPOT_INTERRUPT");
    }
    if (chosen != null) {
      headers.add("CHOSEN");
    }
    Table t = new Table(headers);
    for (PlanDto p : plans) {
      List<Object> row = new ArrayList<>(List.of(infra(p),
          (p.spot() ? "[Spot]" : "") + p.instanceType(), Output.number(nan(p.vcpus())),
          Output.number(nan(p.memoryGib())), p.accelerators() == null ? "-" : p.accelerators(),
          p.onDemandPrice() == null && !p.spot() ? Plans.PRICE_UNKNOWN : money(p.onDemandPrice()),
          money(p.spotPrice())));
      if (many) {
        row.add(p.totalPerHour() == null ? Plans.PRICE_UNKNOWN : money(p.totalPerHour()));
      }
      if (egress) {
        row.add(egress(p.egressUsd()));
      }
      if (bands) {
        row.add(band(p) == null ? NONE : band(p));
      }
      if (chosen != null) {
        row.add(p == chosen ? "✔" : "");
      }
      t.row(row);
    }
    return t.render();
  }

  static String describe(PlanDto p) {
    StringBuilder sb = new StringBuilder();
    sb.append(infra(p)).append(' ').append(p.instanceType());
    if (p.accelerators() != null) {
      sb.append(" (").append(p.accelerators()).append(')');
    }
    sb.append(p.spot() ? ", spot" : ", on-demand");
    if (p.pricePerNode() == null) {
      sb.append(", ").append(Plans.PRICE_UNKNOWN);
    } else {
      sb.append(", $").append(money(p.pricePerNode())).append("/h per node");
    }
    if (p.numNodes() > 1 && p.totalPerHour() != null) {
      sb.append(", $").append(money(p.totalPerHour())).append("/h for ").append(p.numNodes())
          .append(" nodes");
    }
    if (p.spot() && band(p) != null) {
      sb.append(", spot interruptions ").append(band(p)).append(" a month");
    }
    return sb.append('.').toString();
  }

  /** {@code aws/us-east-1}, {@code gcp/us-central1/us-central1-a}: the {@code infra:} syntax. */
  private static String infra(PlanDto p) {
    return p.cloud() + "/" + p.region() + (p.zone() == null ? "" : "/" + p.zone());
  }

  /** {@code <5%} .. {@code >20%} a month where the catalog knows it (AWS), else null. */
  private static String band(PlanDto p) {
    Integer b = p.interruptionBand();
    return b != null && b >= 0 && b < BANDS.length ? BANDS[b] : null;
  }

  private static Map<String, Object> json(PlanDto p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("infra", infra(p));
    m.put("cloud", p.cloud());
    m.put("region", p.region());
    m.put("zone", p.zone());
    m.put("instance_type", p.instanceType());
    m.put("spot", p.spot());
    m.put("accelerators", p.accelerators());
    m.put("vcpus", p.vcpus());
    m.put("memory_gib", p.memoryGib());
    m.put("price_per_node", p.pricePerNode());
    m.put("on_demand_price", p.onDemandPrice());
    m.put("spot_price", p.spotPrice());
    m.put("num_nodes", p.numNodes());
    m.put("total_per_hour", p.totalPerHour());
    m.put("spot_interruption_band", p.interruptionBand());
    if (p.egressUsd() != null) {
      m.put("data_egress_usd", p.egressUsd());
    }
    return m;
  }

  private static Map<String, Object> json(OptimizeResponse r) {
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put("date", r.catalog().date());
    catalog.put("source", r.catalog().source());
    catalog.put("stale_hint", r.catalog().staleHint());
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("task", r.task());
    task.put("num_nodes", r.numNodes());
    task.put("chosen", r.plans().isEmpty() ? null : json(r.plans().get(0)));
    task.put("plans", r.plans().stream().map(DryRun::json).toList());
    task.put("total_plans", r.totalPlans());
    task.put("empty_reason", r.emptyReason());
    task.put("not_enabled", r.notEnabled().stream().map(DryRun::json).toList());
    task.put("warnings", warnings(r));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("catalog", catalog);
    doc.put("enabled_clouds", r.enabledClouds());
    doc.put("tasks", List.of(task));
    return doc;
  }

  private static List<String> warnings(OptimizeResponse r) {
    return r.warnings() == null ? List.of() : r.warnings();
  }

  private static double nan(Double d) {
    return d == null ? Double.NaN : d;
  }

  /** Cents matter for egress: a few MB across regions is well under a cent. */
  private static String egress(Double d) {
    return d == null ? NONE : d == 0 ? "0" : d < 0.01 ? "<0.01" : String.format(Locale.ROOT, "%.2f", d);
  }

  private static String money(Double d) {
    return d == null ? NONE : String.format(Locale.ROOT, "%.2f", d);
  }
}
