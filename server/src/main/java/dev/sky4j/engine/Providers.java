package dev.sky4j.engine;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.provision.CheckResult;
import dev.sky4j.provision.Provider;
import dev.sky4j.requests.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The providers this server can use, by cloud name, and the catalog they launch from: the bundled
 * catalog plus each enabled provider's live offers (the local cloud's regions and GPUs).
 */
public final class Providers {
  private final Map<String, Provider> byCloud = new LinkedHashMap<>();
  private final Supplier<Catalog> base;
  private volatile Catalog catalog;
  private volatile Catalog builtFrom;
  private volatile Map<String, CheckResult> checks;

  public Providers(Catalog base, List<Provider> providers) {
    this(() -> base, providers);
  }

  /** With a base that may change while the server runs ({@code sky catalog refresh}). */
  public Providers(Supplier<Catalog> base, List<Provider> providers) {
    this.base = base;
    providers.forEach(p -> byCloud.put(p.cloud(), p));
  }

  public Provider get(String cloud) {
    Provider p = byCloud.get(cloud);
    if (p == null) {
      throw new ApiError(400, "unknown-cloud", "no provider for cloud '" + cloud
          + "' in this server; available: " + String.join(", ", byCloud.keySet()));
    }
    return p;
  }

  public boolean has(String cloud) {
    return byCloud.containsKey(cloud);
  }

  /** {@code sky check}: asks every provider again. */
  public synchronized List<CheckResult> check() {
    Map<String, CheckResult> m = new LinkedHashMap<>();
    for (Provider p : byCloud.values()) {
      CheckResult r;
      try {
        r = p.check();
      } catch (RuntimeException e) {
        r = new CheckResult(p.cloud(), false, "check failed: " + e.getMessage());
      }
      m.put(p.cloud(), r);
    }
    checks = m;
    catalog = null;
    return new ArrayList<>(m.values());
  }

  public Set<String> enabledClouds() {
    Map<String, CheckResult> c = checks;
    if (c == null) {
      check();
      c = checks;
    }
    Set<String> out = new LinkedHashSet<>();
    c.values().stream().filter(CheckResult::enabled).forEach(r -> out.add(r.cloud()));
    return out;
  }

  /** The catalog plus the enabled providers' offers, built once per {@code sky check}. */
  public Catalog catalog() {
    Catalog c = catalog;
    Catalog now = base.get();
    if (c == null || now != builtFrom) {
      List<Offer> extra = new ArrayList<>();
      for (String cloud : enabledClouds()) {
        extra.addAll(byCloud.get(cloud).offers());
      }
      c = extra.isEmpty() ? now : now.plus(extra);
      catalog = c;
      builtFrom = now;
    }
    return c;
  }
}
