package dev.sky4j.lsp.complete;

import dev.sky4j.spec.schema.Clouds;
import java.util.Locale;
import java.util.Map;

/**
 * Placement and accelerator already written around the cursor ({@code infra}, or the legacy
 * {@code cloud}/{@code region}/{@code zone}; {@code accelerators}/{@code gpus}; {@code use_spot}),
 * read leniently from raw text: what completion and hover filter by. Null means not chosen.
 */
public record Chosen(String cloud, String region, String zone, String accelerator, double count, boolean spot) {

  public static Chosen from(Map<String, String> scope) {
    String cloud = blankToNull(scope.get("cloud"));
    String region = blankToNull(scope.get("region"));
    String zone = blankToNull(scope.get("zone"));
    String infra = blankToNull(scope.get("infra"));
    if (infra != null) {
      String[] parts = infra.split("/", -1);
      cloud = wildcard(parts[0]);
      region = parts.length > 1 ? wildcard(parts[1]) : null;
      zone = parts.length > 2 ? wildcard(parts[2]) : null;
    }
    if (cloud != null) {
      String canonical = Clouds.canonical(cloud);
      cloud = canonical == null ? cloud.toLowerCase(Locale.ROOT) : canonical;
    }
    String acc = blankToNull(scope.getOrDefault("accelerators", scope.get("gpus")));
    String name = null;
    double count = 0;
    if (acc != null && acc.matches("[A-Za-z][A-Za-z0-9_.\\-]*(:[0-9.]+)?")) {
      int colon = acc.indexOf(':');
      name = colon < 0 ? acc : acc.substring(0, colon);
      try {
        count = colon < 0 ? 1 : Double.parseDouble(acc.substring(colon + 1));
      } catch (NumberFormatException e) {
        count = 0;
      }
    }
    boolean spot = "true".equalsIgnoreCase(scope.get("use_spot"));
    return new Chosen(cloud, region, zone, name, count, spot);
  }

  private static String wildcard(String s) {
    return s.isBlank() || s.equals("*") ? null : s;
  }

  private static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
      t = t.substring(1, t.length() - 1);
    }
    return t.isEmpty() ? null : t;
  }
}
