package dev.sky4j.cli;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.AcceleratorRequest;
import dev.sky4j.spec.Amount;
import dev.sky4j.spec.ResourceChoices;
import dev.sky4j.spec.Resources;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;

/**
 * Resource flags of {@code sky launch}/{@code exec} ({@code --gpus}, {@code --use-spot},
 * {@code --infra}, {@code --cpus}, {@code --memory}, {@code --instance-type}). Each given flag
 * replaces that field on every candidate of the task, as SkyPilot's overrides do; candidates that
 * become equal collapse. Null = flag not given.
 */
record ResourceOverrides(String gpus, Boolean useSpot, String infra, String cpus, String memory,
    String instanceType) {

  /** A flag value that cannot be used; the message says which and how to write it. */
  static final class BadFlag extends RuntimeException {
    BadFlag(String message) {
      super(message);
    }
  }

  ResourceChoices apply(ResourceChoices choices, Catalog catalog) {
    LinkedHashSet<Resources> out = new LinkedHashSet<>();
    for (Resources r : choices.candidates()) {
      out.add(apply(r, catalog));
    }
    return new ResourceChoices(new ArrayList<>(out), choices.ordered());
  }

  private Resources apply(Resources r, Catalog catalog) {
    if (gpus != null) {
      r = r.withAccelerator(gpus.equalsIgnoreCase("none") ? null : accelerator(gpus, catalog));
    }
    if (useSpot != null) {
      r = r.withUseSpot(useSpot);
    }
    if (infra != null) {
      String[] p = infra.split("/", -1);
      if (p.length > 3 || infra.isBlank()) {
        throw new BadFlag("--infra '" + infra + "' should be CLOUD, CLOUD/REGION or "
            + "CLOUD/REGION/ZONE, e.g. aws/us-east-1");
      }
      r = r.withPlacement(part(p, 0), part(p, 1), part(p, 2));
    }
    if (cpus != null || memory != null || instanceType != null) {
      r = new Resources(r.cloud(), r.region(), r.zone(), r.accelerator(),
          cpus == null ? r.cpus() : amount("--cpus", cpus, false),
          memory == null ? r.memory() : amount("--memory", memory, true),
          instanceType == null ? r.instanceType() : instanceType, r.useSpot(), r.jobRecovery(),
          r.diskSizeGb(), r.diskTier(), r.networkTier(), r.ports(), r.labels(), r.imageId(),
          r.autostop(), r.priority(), r.maxHourlyCost());
    }
    return r;
  }

  private static String part(String[] p, int i) {
    if (i >= p.length || p[i].isBlank() || p[i].equals("*")) {
      return null;
    }
    return i == 0 ? p[i].toLowerCase(Locale.ROOT) : p[i];
  }

  /** {@code H100}, {@code h100:8}, {@code A10:0.5}; the name is made canonical when known. */
  static AcceleratorRequest accelerator(String text, Catalog catalog) {
    String[] p = text.split(":", -1);
    if (p.length > 2 || p[0].isBlank()) {
      throw new BadFlag("--gpus '" + text + "' should be NAME or NAME:COUNT, e.g. H100:8");
    }
    double count = 1;
    if (p.length == 2) {
      try {
        count = Double.parseDouble(p[1]);
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (!(count > 0)) {
        throw new BadFlag("--gpus '" + text + "': the count must be a positive number, e.g. "
            + p[0] + ":8");
      }
    }
    String name = catalog.accelerator(p[0]).map(a -> a.name()).orElse(p[0]);
    return AcceleratorRequest.of(name, count);
  }

  /** {@code 8}, {@code 8+}, and for memory also {@code 4x} (GiB per vCPU). */
  static Amount amount(String flag, String text, boolean allowPerCpu) {
    String t = text.trim();
    boolean plus = t.endsWith("+");
    boolean perCpu = allowPerCpu && t.toLowerCase(Locale.ROOT).endsWith("x");
    String num = plus || perCpu ? t.substring(0, t.length() - 1) : t;
    try {
      double v = Double.parseDouble(num);
      if (v > 0) {
        return new Amount(v, plus, perCpu);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadFlag(flag + " '" + text + "' should be a positive number, optionally with '+' "
        + "(at least)" + (allowPerCpu ? " or 'x' (GiB per vCPU)" : "") + ", e.g. "
        + (allowPerCpu ? "32+" : "8+"));
  }
}
