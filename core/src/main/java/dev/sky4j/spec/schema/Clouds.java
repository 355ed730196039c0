package dev.sky4j.spec.schema;

import java.util.List;
import java.util.Locale;

/**
 * Cloud names a task may name: SkyPilot's {@code constants.ALL_CLOUDS} plus {@code local}, the
 * sky4j cloud made of processes on this machine (not in the price catalog).
 */
public final class Clouds {
  public static final String LOCAL = "local";

  public static final List<String> ALL = List.of(
      "aws", "azure", "gcp", "ibm", "lambda", "scp", "oci", "kubernetes", "runpod", "vast",
      "vsphere", "cudo", "fluidstack", "paperspace", "primeintellect", "do", "nebius", "ssh",
      "slurm", "hyperbolic", "seeweb", "shadeform", "yotta", "mithril", "verda", LOCAL);

  private Clouds() {}

  /** The canonical (lower-case) name, or null when the name is no known cloud. */
  public static String canonical(String name) {
    if (name == null) {
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("k8s")) {
      return "kubernetes";
    }
    return ALL.contains(lower) ? lower : null;
  }
}
