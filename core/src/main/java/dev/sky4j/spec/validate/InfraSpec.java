package dev.sky4j.spec.validate;

import dev.sky4j.spec.schema.Clouds;
import java.util.Locale;

/**
 * {@code infra: cloud[/region[/zone]]} (SkyPilot's {@code _get_infra_pattern}): {@code *} for any
 * cloud, {@code k8s/<context>} where the context may contain slashes, and {@code local} for the
 * sky4j local cloud.
 */
public final class InfraSpec {
  private InfraSpec() {}

  /** cloud (canonical, or null for {@code *}), region and zone (null when absent or {@code *}). */
  public record Parts(String cloud, String region, String zone) {}

  public static Parts split(String infra) {
    String t = infra.trim();
    String[] p = t.split("/", 3);
    String cloud = p[0].equals("*") ? null : Clouds.canonical(p[0]);
    if ("kubernetes".equals(cloud)) {
      return new Parts(cloud, p.length > 1 ? t.substring(t.indexOf('/') + 1) : null, null);
    }
    String region = p.length > 1 && !p[1].equals("*") ? p[1] : null;
    String zone = p.length > 2 && !p[2].equals("*") ? p[2] : null;
    return new Parts(cloud, region, zone);
  }

  /** Why an infra string is invalid, with the fix, or null. */
  public static String problem(String infra) {
    String t = infra.trim();
    if (t.isEmpty()) {
      return "infra is empty. Write cloud[/region[/zone]], e.g. aws/us-east-1, or * for any cloud.";
    }
    String[] p = t.split("/", -1);
    String cloud = p[0];
    boolean k8s = cloud.equalsIgnoreCase("kubernetes") || cloud.equalsIgnoreCase("k8s");
    if (!cloud.equals("*") && Clouds.canonical(cloud) == null) {
      String m = CloseMatch.best(cloud.toLowerCase(Locale.ROOT), Clouds.ALL);
      return "Unknown cloud '" + cloud + "' in infra '" + t + "'." + (m == null
          ? " Known clouds: " + String.join(", ", Clouds.ALL) + "."
          : " Did you mean '" + m + "'?");
    }
    if (k8s) {
      return p.length > 1 && t.substring(t.indexOf('/') + 1).isEmpty()
          ? "infra '" + t + "' has an empty Kubernetes context. Write k8s or k8s/<context>." : null;
    }
    if (p.length > 3) {
      return "infra '" + t + "' has too many parts. Write cloud[/region[/zone]], e.g. aws/us-east-1/us-east-1a.";
    }
    for (int i = 1; i < p.length; i++) {
      if (p[i].isBlank()) {
        return "infra '" + t + "' has an empty part. Write cloud[/region[/zone]] without empty"
            + " parts, e.g. aws/us-east-1 (use * for any).";
      }
    }
    return null;
  }

  /** The infra with a misspelt cloud replaced by the closest known one, or null. */
  static String fixCloud(String infra) {
    String t = infra.trim();
    int slash = t.indexOf('/');
    String cloud = slash < 0 ? t : t.substring(0, slash);
    if (cloud.equals("*") || Clouds.canonical(cloud) != null) {
      return null;
    }
    String m = CloseMatch.best(cloud.toLowerCase(Locale.ROOT), Clouds.ALL);
    return m == null ? null : m + (slash < 0 ? "" : t.substring(slash));
  }
}
