package dev.sky4j.cli;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.CatalogException;
import dev.sky4j.catalog.CatalogInstall;
import dev.sky4j.catalog.SkyPilotVms;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sky catalog refresh [--from URL|DIR] [--cloud C]...}: fetches each cloud's
 * {@code vms.csv} in SkyPilot's published layout, checks and converts every one, and only when
 * all pass swaps them into {@code ~/.sky4j/catalogs} at once ({@link CatalogInstall}).
 */
@Command(name = "refresh", description = "Fetch current prices and instance types in SkyPilot's "
    + "catalog layout (<root>/<cloud>/vms.csv), check them, and install them into "
    + "~/.sky4j/catalogs all at once; a bad file changes nothing.")
public final class CatalogRefreshCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--from", paramLabel = "URL|DIR", defaultValue = CatalogFetch.DEFAULT_ROOT,
      description = "Catalog root holding <cloud>/vms.csv: an http(s) URL or a folder. "
          + "Default: ${DEFAULT-VALUE} (SkyPilot's hosted catalog; its S3 mirror if that fails)")
  String from;

  @Option(names = "--cloud", paramLabel = "CLOUD", description = "Refresh only this cloud "
      + "(repeatable). Default: every cloud of the catalog.")
  List<String> clouds;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int run(PrintWriter out, PrintWriter err) {
    CatalogFetch fetch = CatalogFetch.of(from);
    List<String> which = clouds == null || clouds.isEmpty() ? Catalog.bundled().clouds()
        : clouds.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    Map<String, String> files = new LinkedHashMap<>();
    for (String cloud : which) {
      try {
        CatalogFetch.Fetched f = fetch.fetch(cloud);
        SkyPilotVms.Converted c = SkyPilotVms.convert(cloud, f.text(), f.where());
        files.put(cloud, c.csv());
        out.println("  " + cloud + ": " + c.offers() + " offers from " + f.where()
            + (c.skippedWithoutPrice() > 0 ? " (" + c.skippedWithoutPrice()
            + " rows without a price left out)" : ""));
        out.flush();
      } catch (IOException e) {
        return refused(err, "cannot read " + cloud + "'s catalog: " + e.getMessage(),
            "check the address, or pass --from URL|DIR (a folder with <cloud>/vms.csv), or "
                + "--cloud to refresh only some clouds");
      } catch (CatalogException e) {
        return refused(err, e.getMessage(), "the file is not a SkyPilot vms.csv this version "
            + "can read; try another --from, or --cloud to leave this cloud out");
      }
    }
    try {
      CatalogInstall.Installed done = CatalogInstall.install(Catalog.overrideFolder(), files,
          from, Instant.now());
      out.println("Catalog refreshed: " + String.join(", ", done.clouds()) + " (" + done.offers()
          + " priced offers), dated " + done.date() + ", in " + done.folder() + ".");
      out.println("Delete that folder to go back to the bundled catalog of "
          + Catalog.bundled().date() + ".");
      return 0;
    } catch (CatalogException e) {
      return refused(err, e.getMessage(), "fix or replace the source, then run again");
    }
  }

  private static int refused(PrintWriter err, String why, String next) {
    err.println("error: " + why);
    err.println("The catalog in " + Catalog.overrideFolder() + " was left as it was; " + next + ".");
    return 1;
  }
}
