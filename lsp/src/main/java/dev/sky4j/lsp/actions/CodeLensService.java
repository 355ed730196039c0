package dev.sky4j.lsp.actions;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.lsp.complete.Money;
import dev.sky4j.lsp.diagnostics.Analysis;
import dev.sky4j.optimizer.LaunchPlan;
import dev.sky4j.optimizer.OptimizeResult;
import dev.sky4j.optimizer.Optimizer;
import dev.sky4j.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Lenses on the first line: the cheapest plan core's optimizer finds ("Cheapest: aws us-east-1
 * p3.2xlarge $3.06/h (spot $0.92)") and a "Launch" lens carrying the {@value #LAUNCH} command,
 * which editors map to {@code sky launch FILE}.
 */
public final class CodeLensService {
  public static final String LAUNCH = "sky.launch";
  public static final String SHOW_PLANS = "sky.showPlans";

  private CodeLensService() {}

  public static List<CodeLens> lenses(Analysis a) {
    List<CodeLens> out = new ArrayList<>();
    if (a.hasErrors() || a.tasks().isEmpty()) {
      return out;
    }
    Range top = new Range(new Position(0, 0), new Position(0, 0));
    Task task = a.tasks().get(0);
    String title = a.catalog() == null ? "Cheapest: (catalog not loaded)" : cheapest(a.catalog(), task);
    out.add(new CodeLens(top, new Command(title, SHOW_PLANS, List.of(a.document().uri())), null));
    out.add(new CodeLens(top, new Command("▶ Launch", LAUNCH, List.of(a.document().uri())), null));
    return out;
  }

  static String cheapest(Catalog catalog, Task task) {
    OptimizeResult r = new Optimizer(catalog).optimize(task.resources(), task.numNodes(), Set.of(), null);
    if (r.isEmpty()) {
      return "No offer fits: " + r.emptyReason();
    }
    LaunchPlan p = r.plans().get(0);
    StringBuilder sb = new StringBuilder("Cheapest: ").append(p.cloud()).append(' ').append(p.region())
        .append(' ').append(p.instanceType()).append(' ');
    if (p.spot()) {
      sb.append(Money.perHour(p.pricePerNode())).append(" spot");
    } else {
      sb.append(Money.onDemand(p.pricePerNode()));
      double spot = spotPrice(catalog, p);
      if (!Double.isNaN(spot)) {
        sb.append(" (spot $").append(Money.amount(spot)).append(')');
      }
    }
    if (p.numNodes() > 1) {
      sb.append(" × ").append(p.numNodes()).append(" nodes");
    }
    return sb.toString();
  }

  /** The catalog's spot price for the plan's instance type in its region (zone when pinned). */
  private static double spotPrice(Catalog catalog, LaunchPlan p) {
    double best = Double.NaN;
    for (Offer o : catalog.offersForInstanceType(p.cloud(), p.instanceType())) {
      if (!o.region().equalsIgnoreCase(p.region()) || !o.hasSpot()
          || (p.zone() != null && o.zone() != null && !o.zone().equalsIgnoreCase(p.zone()))) {
        continue;
      }
      if (Double.isNaN(best) || o.spotPrice() < best) {
        best = o.spotPrice();
      }
    }
    return best;
  }
}
