package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.CostEntry;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sky cost-report}: what each cluster has cost while it ran, including torn-down ones. */
@Command(name = "cost-report", description = "Show what clusters have cost (running time x $/h).")
public final class CostReportCommand implements Callable<Integer> {
  @Mixin ListingOutput output;

  @Override
  public Integer call() {
    return Remote.run(Version.current(), c -> {
      List<CostEntry> rows = c.get("/cost-report", StatusCommand.listOf(CostEntry.class));
      if (output.printedJson(rows)) {
        return 0;
      }
      Table t = new Table("NAME", "LAUNCHED", "DURATION", "NODES", "RESOURCES", "STATUS", "$/h", "COST ($)");
      double total = 0;
      for (CostEntry e : rows) {
        t.row(e.cluster(), Times.ago(e.launchedAt()),
            String.format(Locale.ROOT, "%.2f h", e.hoursRunning()), e.numNodes(), e.resources(),
            e.status(), String.format(Locale.ROOT, "%.3f", e.pricePerHour()),
            String.format(Locale.ROOT, "%.4f", e.cost()));
        total += e.cost();
      }
      System.out.print(t.render());
      System.out.println(String.format(Locale.ROOT, "Total: $ %.4f", total));
      return 0;
    });
  }
}
