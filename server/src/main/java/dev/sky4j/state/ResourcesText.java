package dev.sky4j.state;

import java.util.Locale;

/** The RESOURCES column's text, in SkyPilot's style: {@code 2x local(small, H100:1)}. */
public final class ResourcesText {
  private ResourcesText() {}

  public static String describe(ClusterRow r) {
    StringBuilder sb = new StringBuilder();
    if (r.numNodes() > 1) {
      sb.append(r.numNodes()).append("x ");
    }
    sb.append(r.cloud() == null ? "-" : r.cloud()).append('(');
    sb.append(r.instanceType() == null ? "?" : r.instanceType());
    if (r.acceleratorName() != null) {
      double n = r.acceleratorCount();
      sb.append(", ").append(r.acceleratorName()).append(':')
          .append(n == Math.rint(n) ? Long.toString((long) n) : String.format(Locale.ROOT, "%s", n));
    }
    if (r.spot()) {
      sb.append(", spot");
    }
    return sb.append(')').toString();
  }
}
