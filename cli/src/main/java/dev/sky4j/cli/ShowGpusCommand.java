package dev.sky4j.cli;

import dev.sky4j.catalog.AcceleratorInfo;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.CatalogException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sky show-gpus [GPU[:N]]}: without a GPU, the accelerators and the counts they come in;
 * with one, every offer of it with prices. Both print the catalog's date first, since the prices
 * are a snapshot.
 */
@Command(name = "show-gpus", aliases = "gpus",
    description = "List GPUs and TPUs in the catalog, or the offers and prices of one GPU.")
public final class ShowGpusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "GPU[:COUNT]",
      description = "An accelerator name (any case), optionally with a count: H100, a100:8.")
  String gpu;

  @Option(names = "--cloud", paramLabel = "CLOUD", description = "Only this cloud (aws, gcp, ...).")
  String cloud;

  @Option(names = "--region", paramLabel = "REGION", description = "Only this region.")
  String region;

  @Option(names = "--infra", paramLabel = "CLOUD[/REGION]",
      description = "Only this cloud (and region), as SkyPilot writes it: aws/us-east-1.")
  String infra;

  @Option(names = {"-a", "--all"}, description = "Without GPU: every TPU slice too. With GPU: one "
      + "row per instance type at its cheapest region, without the REGION column.")
  boolean all;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default) or json.")
  String output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean json = switch (output.toLowerCase(Locale.ROOT)) {
      case "json" -> true;
      case "table" -> false;
      default -> {
        err.println("error: --output must be 'table' or 'json', not '" + output + "'");
        err.flush();
        yield false;
      }
    };
    if (!json && !output.equalsIgnoreCase("table")) {
      return 2;
    }
    if (infra != null) {
      String[] parts = infra.split("/", 3);
      cloud = cloud != null ? cloud : parts[0];
      region = region != null || parts.length < 2 ? region : parts[1];
    }
    try {
      Catalog catalog = Catalog.get();
      if (cloud != null && !catalog.clouds().contains(cloud.toLowerCase(Locale.ROOT))) {
        err.println("Cloud '" + cloud + "' is not in the catalog. Clouds: "
            + String.join(", ", catalog.clouds()) + ".");
        err.flush();
        return 1;
      }
      return gpu == null
          ? new GpuListing(catalog, cloud, all).print(out, json)
          : offers(catalog, out, err, json);
    } catch (CatalogException e) {
      err.println("error: the catalog cannot be read: " + e.getMessage());
      err.println("Fix or remove the files in " + Catalog.overrideFolder() + " to use the bundled "
          + "catalog.");
      err.flush();
      return 1;
    }
  }

  private int offers(Catalog catalog, PrintWriter out, PrintWriter err, boolean json) {
    String name = gpu;
    double count = 0;
    int colon = gpu.lastIndexOf(':');
    if (colon > 0) {
      name = gpu.substring(0, colon);
      try {
        count = Double.parseDouble(gpu.substring(colon + 1));
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (!(count > 0)) {
        err.println("error: '" + gpu.substring(colon + 1) + "' is not a positive count; write "
            + "the GPU as NAME or NAME:COUNT, e.g. H100:8");
        err.flush();
        return 2;
      }
    }
    AcceleratorInfo info = catalog.accelerator(name).orElse(null);
    if (info == null) {
      err.println("GPU '" + name + "' is not in the catalog." + GpuListing.didYouMean(catalog, name)
          + " Run 'sky show-gpus' to list GPUs.");
      err.flush();
      return 1;
    }
    return new GpuOffers(catalog, info, count, cloud, region, all).print(out, err, json);
  }
}
