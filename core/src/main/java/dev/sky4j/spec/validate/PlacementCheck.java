package dev.sky4j.spec.validate;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.Severity;
import dev.sky4j.spec.SourceRange;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Region and zone against the catalog ({@code Invalid region 'x'. Did you mean ...}). A region or
 * zone written inside {@code infra:} is underlined alone, and its fix replaces only that segment,
 * so an editor's quick fix and the caret agree.
 */
final class PlacementCheck {
  /**
   * Where the place was written: {@code infra} (a valid infra string) or the legacy
   * {@code region}/{@code zone} fields; paths are the JSON paths of those nodes.
   */
  record Place(String cloud, String region, String zone, YNode.Scalar infra, String infraPath,
      YNode regionNode, String regionPath, YNode zoneNode, String zonePath) {}

  private final Findings out;
  private final Catalog catalog;

  PlacementCheck(Findings out, Catalog catalog) {
    this.out = out;
    this.catalog = catalog;
  }

  /** True when the region and zone exist in the cloud (or in some cloud when none is named). */
  boolean check(Place p) {
    if (p.region() != null) {
      List<String> regions = p.cloud() != null ? catalog.regions(p.cloud()) : allRegions();
      if (!regions.contains(p.region())) {
        List<String> m = CloseMatch.find(p.region(), regions, 3, 0.6);
        String msg = "Invalid region '" + p.region() + "'" + (p.cloud() == null ? "" : " for " + p.cloud())
            + ". " + (m.isEmpty() ? "Regions: " + abbreviate(regions) + "."
            : "Did you mean one of these: " + String.join(", ", m) + "?");
        report("unknown-region", msg, p, 1, p.regionNode(), p.regionPath(), m);
        return false;
      }
    }
    if (p.zone() != null && p.cloud() != null) {
      List<String> zones = new ArrayList<>();
      if (p.region() != null) {
        zones.addAll(catalog.zones(p.cloud(), p.region()));
      } else {
        catalog.regions(p.cloud()).forEach(r -> zones.addAll(catalog.zones(p.cloud(), r)));
      }
      if (!zones.isEmpty() && !zones.contains(p.zone())) {
        List<String> m = CloseMatch.find(p.zone(), zones, 3, 0.6);
        String msg = "Invalid zone '" + p.zone() + "' for " + p.cloud()
            + (p.region() == null ? "" : "/" + p.region()) + ". " + (m.isEmpty()
            ? "Zones: " + abbreviate(zones) + "." : "Did you mean one of these: " + String.join(", ", m) + "?");
        report("unknown-zone", msg, p, 2, p.zoneNode(), p.zonePath(), m);
        return false;
      }
    }
    return true;
  }

  /** Reports at the infra segment {@code part} (1 region, 2 zone) or at the legacy field. */
  private void report(String code, String msg, Place p, int part, YNode field, String fieldPath,
      List<String> matches) {
    String best = matches.isEmpty() ? null : matches.get(0);
    if (p.infra() == null) {
      out.add(Severity.ERROR, code, msg, field.range(), fieldPath,
          best == null ? null : "Replace with '" + best + "'", best);
      return;
    }
    String text = p.infra().text();
    String trimmed = text.trim();
    int from = text.indexOf(trimmed);
    String[] parts = trimmed.split("/", 3);
    for (int i = 0; i < part; i++) {
      from += parts[i].length() + 1;
    }
    int to = from + parts[part].length();
    SourceRange at = Spans.of(p.infra(), from, to);
    String replacement = best;
    if (best != null && !Spans.mappable(p.infra())) {
      replacement = text.substring(0, from) + best + text.substring(to); // the whole scalar
    }
    out.add(Severity.ERROR, code, msg, at, p.infraPath(),
        best == null ? null : "Replace with '" + best + "'", replacement);
  }

  private List<String> allRegions() {
    TreeSet<String> all = new TreeSet<>();
    catalog.clouds().forEach(c -> all.addAll(catalog.regions(c)));
    return new ArrayList<>(all);
  }

  private static String abbreviate(List<String> xs) {
    return xs.size() <= 12 ? String.join(", ", xs)
        : String.join(", ", xs.subList(0, 12)) + ", ... (" + xs.size() + " in all)";
  }
}
