package dev.sky4j.spec.validate;

import dev.sky4j.catalog.AcceleratorHosts;
import dev.sky4j.catalog.AcceleratorInfo;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.spec.AcceleratorRequest;
import dev.sky4j.spec.Severity;
import dev.sky4j.spec.schema.Clouds;
import dev.sky4j.spec.yaml.ScalarKind;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Checks {@code resources} against the price catalog: unknown accelerators, counts nobody offers,
 * regions/zones the cloud lacks, unknown or contradicting instance types, spot where there is
 * none, and a {@code max_hourly_cost} below every offer. Clouds the catalog does not price (the
 * local cloud, Kubernetes, ...) are not checked. Each check runs when the fields it reads have
 * no error of their own, so unrelated mistakes do not hide catalog findings.
 */
final class CatalogChecks {
  private final Findings out;
  private final Catalog catalog;
  private final Predicate<String> hasError;
  private final PlacementCheck placement;
  private final AcceleratorNames names;

  /** {@code hasError} says whether a JSON path (or anything below it) already has an error. */
  CatalogChecks(Findings out, Catalog catalog, Predicate<String> hasError) {
    this.out = out;
    this.catalog = catalog;
    this.hasError = hasError;
    this.placement = new PlacementCheck(out, catalog);
    this.names = new AcceleratorNames(out, catalog);
  }

  void check(YNode.Mapping res, String path) {
    List<Option> options = new ArrayList<>();
    for (String list : List.of("any_of", "ordered")) {
      if (res.get(list) instanceof YNode.Sequence s) {
        for (int i = 0; i < s.items().size(); i++) {
          if (s.items().get(i) instanceof YNode.Mapping item) {
            addOptions(options, new View(item, res), path + "." + list + "[" + i + "]");
          }
        }
      }
    }
    if (options.isEmpty()) {
      addOptions(options, new View(res, null), path);
    }
    for (Option o : options) {
      new CatalogChecks(o.findings, catalog, hasError).checkOne(o.view, o.path, o.asked, o.accClean);
    }
    OptionVerdicts.merge(options, out);
  }

  /**
   * One candidate of the request: an any_of/ordered item, and within it each accelerator of a set
   * ({@code {A100: 8, H100: 8}} or a list): each is checked on its own, into its own findings.
   */
  static final class Option {
    final View view;
    final String path;
    final List<Asked> asked;
    final boolean accClean;
    final Findings findings = new Findings();

    Option(View view, String path, List<Asked> asked, boolean accClean) {
      this.view = view;
      this.path = path;
      this.asked = asked;
      this.accClean = accClean;
    }

    /** How a message names this option: its accelerator, or its place in the list. */
    String label() {
      String acc = asked.size() == 1 ? asked.get(0).req().toString() : null;
      if (!path.endsWith("]")) {
        return acc;
      }
      String item = path.substring(path.lastIndexOf('.') + 1);
      return acc == null ? item : item + " (" + acc + ")";
    }
  }

  private void addOptions(List<Option> options, View v, String path) {
    String accKey = v.get("accelerators") != null ? "accelerators" : "gpus";
    boolean accClean = clean(v, accKey, path);
    List<Asked> asked = accClean ? accelerators(v, path) : List.of();
    if (asked.size() > 1) {
      asked.forEach(a -> options.add(new Option(v, path, List.of(a), true)));
    } else {
      options.add(new Option(v, path, asked, accClean));
    }
  }

  /** An any_of/ordered item over the outer defaults. */
  record View(YNode.Mapping item, YNode.Mapping outer) {
    YNode get(String key) {
      YNode v = item.get(key);
      return v == null && outer != null ? outer.get(key) : v;
    }

    String text(String key) {
      return get(key) instanceof YNode.Scalar s && s.kind() == ScalarKind.STRING ? s.text().trim() : null;
    }

    String pathOf(String key, String itemPath) {
      if (item.get(key) != null || outer == null) {
        return itemPath + "." + key;
      }
      return itemPath.substring(0, itemPath.lastIndexOf('.')) + "." + key;
    }
  }

  record Asked(AcceleratorRequest req, YNode node, String path) {}

  /** The value of {@code key} when it exists and has no error of its own. */
  private boolean clean(View v, String key, String path) {
    return !hasError.test(v.pathOf(key, path));
  }

  private void checkOne(View v, String path, List<Asked> asked, boolean accClean) {
    String cloud = null;
    String region = null;
    String zone = null;
    boolean placeClean = clean(v, "infra", path) && clean(v, "cloud", path)
        && clean(v, "region", path) && clean(v, "zone", path);
    PlacementCheck.Place place = null;
    if (placeClean) {
      String infra = v.text("infra");
      if (infra != null && InfraSpec.problem(infra) == null) {
        InfraSpec.Parts p = InfraSpec.split(infra);
        cloud = p.cloud();
        region = p.region();
        zone = p.zone();
        place = new PlacementCheck.Place(cloud, region, zone, (YNode.Scalar) v.get("infra"),
            v.pathOf("infra", path), null, null, null, null);
      } else {
        cloud = v.text("cloud") == null ? null : Clouds.canonical(v.text("cloud"));
        region = v.text("region");
        zone = v.text("zone");
        place = new PlacementCheck.Place(cloud, region, zone, null, null, v.get("region"),
            v.pathOf("region", path), v.get("zone"), v.pathOf("zone", path));
      }
      if (cloud != null && !catalog.clouds().contains(cloud)) {
        return; // local, kubernetes, ...: nothing priced to check against
      }
    }
    // a place with an error of its own (or not in the catalog) leaves the other checks
    // cloud-agnostic, and the price checks off
    boolean placeOk = placeClean && placement.check(place);
    if (!placeOk) {
      region = null;
      zone = null;
    }
    List<Offer> offers = new ArrayList<>();
    boolean known = accClean;
    for (Asked a : asked) {
      known &= accelerator(a, cloud, offers);
    }
    String it = v.text("instance_type");
    if (it != null) {
      known &= clean(v, "instance_type", path) && instanceType(it, cloud, asked, v, path, offers);
    }
    if (!known || !placeOk) {
      return;
    }
    boolean spot = v.get("use_spot") instanceof YNode.Scalar s && Boolean.TRUE.equals(s.value())
        && clean(v, "use_spot", path);
    boolean wantsCost = v.get("max_hourly_cost") instanceof YNode.Scalar c && c.value() instanceof Number
        && clean(v, "max_hourly_cost", path);
    if (!spot && !wantsCost) {
      return;
    }
    if (asked.isEmpty() && it == null) {
      offers.addAll(cloud == null ? catalog.offers() : catalog.offers(cloud));
      offers.removeIf(Offer::hasAccelerator);
    }
    String c = cloud;
    String r = region;
    String z = zone;
    Predicate<Offer> where = o -> (c == null || o.cloud().equals(c))
        && (r == null || r.equals(o.region())) && (z == null || z.equals(o.zone()));
    List<Offer> here = offers.stream().filter(where).toList();
    if (here.isEmpty()) {
      return;
    }
    if (spot && here.stream().noneMatch(o -> o.hasSpot() || !o.hasPrice())) {
      YNode n = v.get("use_spot");
      out.error("no-spot-offer", "The catalog has no spot offer for this request"
          + describeWhere(c, r, z) + ". Remove use_spot, or choose another accelerator or place.",
          n, v.pathOf("use_spot", path));
      return;
    }
    if (wantsCost) {
      YNode.Scalar cost = (YNode.Scalar) v.get("max_hourly_cost");
      double max = ((Number) cost.value()).doubleValue();
      double cheapest = here.stream().mapToDouble(o -> o.price(spot)).filter(p -> !Double.isNaN(p))
          .min().orElse(Double.NaN);
      if (!Double.isNaN(cheapest) && cheapest > max && max > 0) {
        out.error("max-hourly-cost-too-low", String.format(Locale.ROOT, "No offer costs $%s/h or"
            + " less for this request; the cheapest is $%.4f/h%s. Raise max_hourly_cost or relax"
            + " the request.", cost.text(), cheapest, spot ? " (spot)" : ""), cost,
            v.pathOf("max_hourly_cost", path));
      }
    }
  }

  private static String describeWhere(String c, String r, String z) {
    String s = c == null ? "" : " on " + c + (r == null ? "" : "/" + r) + (z == null ? "" : "/" + z);
    return s;
  }

  private List<Asked> accelerators(View v, String path) {
    YNode acc = v.get("accelerators");
    String key = "accelerators";
    if (acc == null) {
      acc = v.get("gpus");
      key = "gpus";
    }
    String p = acc == null ? null : v.pathOf(key, path);
    List<Asked> out = new ArrayList<>();
    if (acc instanceof YNode.Scalar s && s.kind() != ScalarKind.NULL) {
      add(out, AcceleratorSyntax.parse(s.text()), s, p);
    } else if (acc instanceof YNode.Sequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        if (seq.items().get(i) instanceof YNode.Scalar s) {
          add(out, AcceleratorSyntax.parse(s.text()), s, p + "[" + i + "]");
        }
      }
    } else if (acc instanceof YNode.Mapping m) {
      for (YNode.Entry e : m.entries()) {
        Double n = e.value() instanceof YNode.Scalar c && c.value() instanceof Number x ? x.doubleValue() : null;
        add(out, AcceleratorSyntax.parseEntry(e.key().text(), n), n == null ? e.key() : e.value(),
            p + "." + e.key().text());
      }
    }
    return out;
  }

  private static void add(List<Asked> out, AcceleratorSyntax.Result r, YNode node, String path) {
    if (r.ok()) {
      out.add(new Asked(r.request(), node, path));
    }
  }

  private boolean accelerator(Asked a, String cloud, List<Offer> offers) {
    AcceleratorRequest req = a.req();
    if (req.isMemoryForm()) {
      boolean any = false;
      for (AcceleratorInfo info : catalog.accelerators()) {
        boolean memOk = req.memoryOrMore() ? info.memoryGib() + 1e-6 >= req.memoryGib()
            : Math.abs(info.memoryGib() - req.memoryGib()) < 0.5;
        boolean vendorOk = req.vendor() == null || req.vendor().equalsIgnoreCase(info.vendor());
        if (memOk && vendorOk) {
          List<Offer> os = AcceleratorHosts.offers(catalog, info.name(), req.count()).stream()
              .filter(o -> cloud == null || o.cloud().equals(cloud)).toList();
          any |= !os.isEmpty();
          offers.addAll(os);
        }
      }
      if (!any) {
        out.error("accelerator-unavailable", "No accelerator in the catalog matches " + req
            + (cloud == null ? "" : " on " + cloud) + ". Lower the memory or the count.", a.node(), a.path());
      }
      return any;
    }
    var info = names.resolve(req.name(), a.node(), a.path());
    if (info.isEmpty()) {
      return false;
    }
    String name = info.get().name();
    if (cloud != null && !info.get().clouds().isEmpty() && !info.get().clouds().contains(cloud)) {
      out.error("accelerator-not-on-cloud", cloud + " does not offer " + name + ". Clouds that do: "
          + String.join(", ", info.get().clouds()) + ". Change the cloud or the accelerator.", a.node(), a.path());
      return false;
    }
    List<Offer> exact = AcceleratorHosts.offers(catalog, name, req.count()).stream()
        .filter(o -> cloud == null || o.cloud().equals(cloud)).toList();
    if (exact.isEmpty()) {
      TreeSet<Double> counts = new TreeSet<>();
      catalog.offersForAccelerator(name, 0).stream().filter(o -> cloud == null || o.cloud().equals(cloud))
          .forEach(o -> counts.add(o.acceleratorCount()));
      if (counts.isEmpty()) {
        counts.addAll(info.get().counts());
      }
      double nearest = counts.stream().min((x, y) -> Double.compare(Math.abs(x - req.count()),
          Math.abs(y - req.count()))).orElse(1.0);
      List<String> shown = counts.stream().map(AcceleratorRequest::formatCount).toList();
      String replacement = null;
      if (a.node() instanceof YNode.Scalar s && s.kind() == ScalarKind.STRING && s.text().contains(":")) {
        replacement = s.text().substring(0, s.text().lastIndexOf(':') + 1) + AcceleratorRequest.formatCount(nearest);
      } else if (a.node() instanceof YNode.Scalar s && s.value() instanceof Number) {
        replacement = AcceleratorRequest.formatCount(nearest);
      }
      out.add(Severity.ERROR, "accelerator-count-unavailable", "No " + (cloud == null ? "cloud" : cloud)
          + " offers " + name + ":" + AcceleratorRequest.formatCount(req.count()) + ". Offered counts: "
          + String.join(", ", shown) + ".", a.node().range(), a.path(),
          replacement == null ? null : "Use " + name + ":" + AcceleratorRequest.formatCount(nearest), replacement);
      return false;
    }
    offers.addAll(exact);
    return true;
  }

  private boolean instanceType(String it, String cloud, List<Asked> asked, View v, String path, List<Offer> offers) {
    List<Offer> os = catalog.offersForInstanceType(cloud, it);
    YNode node = v.get("instance_type");
    String p = v.pathOf("instance_type", path);
    if (os.isEmpty()) {
      TreeSet<String> types = new TreeSet<>();
      (cloud == null ? catalog.offers() : catalog.offers(cloud)).forEach(o -> {
        if (o.instanceType() != null) {
          types.add(o.instanceType());
        }
      });
      List<String> m = CloseMatch.find(it, types, 3, 0.6);
      out.add(Severity.ERROR, "unknown-instance-type", "Invalid instance type '" + it + "'"
          + (cloud == null ? "" : " for " + cloud) + ": the catalog does not have it. "
          + (m.isEmpty() ? "Check the name, or use accelerators/cpus/memory instead." : "Did you mean "
          + String.join(", ", m) + "?"), node.range(), p, m.isEmpty() ? null : "Replace with '" + m.get(0) + "'",
          m.isEmpty() ? null : m.get(0));
      return false;
    }
    Offer o = os.get(0);
    for (Asked a : asked) {
      AcceleratorRequest r = a.req();
      boolean fits = r.isMemoryForm()
          ? o.hasAccelerator() && AcceleratorHosts.hosts(o.acceleratorCount(), r.count())
              && (r.memoryOrMore() ? o.gpuMemoryGib() + 1e-6 >= r.memoryGib() : Math.abs(o.gpuMemoryGib() - r.memoryGib()) < 0.5)
          : o.hasAccelerator() && o.acceleratorName().equalsIgnoreCase(
              catalog.acceleratorForTask(r.name()).map(AcceleratorInfo::name).orElse(r.name()))
              && AcceleratorHosts.hosts(o.acceleratorCount(), r.count());
      if (!fits) {
        String has = o.hasAccelerator()
            ? AcceleratorRequest.formatCount(o.acceleratorCount()) + "x " + o.acceleratorName() : "no accelerator";
        out.error("instance-type-mismatch", "Instance type " + o.instanceType() + " has " + has
            + ", which contradicts accelerators " + r + ". Remove one of instance_type or accelerators.",
            node, p);
        return false;
      }
    }
    offers.clear();
    offers.addAll(os);
    return true;
  }
}
