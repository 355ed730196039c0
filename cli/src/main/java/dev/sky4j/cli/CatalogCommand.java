package dev.sky4j.cli;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.CatalogException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sky catalog}: which price catalog is in use, how old it is; {@code refresh} renews it. */
@Command(name = "catalog", description = "Show the GPU/VM price catalog in use (date, source); "
    + "'sky catalog refresh' fetches a current one.",
    subcommands = {CatalogRefreshCommand.class})
public final class CatalogCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Catalog c = Catalog.get();
      out.println(GpuListing.header(c));
      out.println("Clouds: " + String.join(", ", c.clouds()) + ". Override folder: "
          + Catalog.overrideFolder() + " (files there replace the bundled ones).");
      return 0;
    } catch (CatalogException e) {
      err.println("error: the catalog cannot be read: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
