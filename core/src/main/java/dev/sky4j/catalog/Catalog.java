package dev.sky4j.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The price catalog: every offer of every cloud, with indexes for the lookups the validator, the
 * optimizer and {@code sky show-gpus} make. Immutable and thread-safe. Each cloud's file is parsed
 * on first use, so a name lookup reads only {@code accelerators.csv}.
 */
public final class Catalog {
  /** A catalog older than this many days gets a hint to refresh it. */
  public static final int STALE_AFTER_DAYS = 30;
  private static volatile Catalog instance;
  private static volatile Object instanceStamp;

  private final String date;
  private final String source;
  private final Map<String, CloudData> tables;
  private final Lazy<Map<String, AcceleratorInfo>> accelerators;
  private final Lazy<List<Offer>> all;
  private final Map<String, List<Offer>> byAcceleratorAndCount = new ConcurrentHashMap<>();

  private Catalog(String date, String source, Map<String, CloudData> tables,
      Lazy<Map<String, AcceleratorInfo>> accelerators) {
    this.date = date;
    this.source = source;
    this.tables = Collections.unmodifiableMap(tables);
    this.accelerators = accelerators;
    this.all = Lazy.of(() -> {
      List<Offer> out = new ArrayList<>();
      this.tables.values().forEach(t -> out.addAll(t.full().offers));
      return Collections.unmodifiableList(out);
    });
  }

  /**
   * The catalog in use: {@code $SKY4J_HOME/catalogs} (default {@code ~/.sky4j/catalogs}) when it
   * holds any {@code .csv}, falling back file by file to the bundled snapshot; else the snapshot.
   */
  public static Catalog get() {
    Catalog c = instance;
    Path folder = overrideFolder();
    Object stamp = stamp(folder);
    if (c == null || !stamp.equals(instanceStamp)) {
      synchronized (Catalog.class) {
        c = instance;
        if (c == null || !stamp.equals(instanceStamp)) {
          c = withOverrides(folder);
          instance = c;
          instanceStamp = stamp;
        }
      }
    }
    return c;
  }

  /**
   * What identifies the override folder's version: {@code sky catalog refresh} swaps in a new
   * folder, so a long-running server sees the new catalog on its next lookup. One stat call.
   */
  private static Object stamp(Path folder) {
    try {
      BasicFileAttributes a = Files.readAttributes(folder, BasicFileAttributes.class);
      return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return "none";
    }
  }

  /** The bundled snapshot with each file that {@code folder} holds replacing its own. */
  static Catalog withOverrides(Path folder) {
    return CatalogSource.hasCatalogFiles(folder)
        ? from(CatalogSource.folder(folder, CatalogSource.bundled()))
        : bundled();
  }

  /** The folder whose files override the bundled snapshot. */
  public static Path overrideFolder() {
    String home = System.getenv("SKY4J_HOME");
    Path base = home == null || home.isBlank()
        ? Path.of(System.getProperty("user.home"), ".sky4j") : Path.of(home);
    return base.resolve("catalogs");
  }

  /** A catalog read only from {@code folder} ({@code <cloud>.csv}, accelerators.csv, ...). */
  public static Catalog load(Path folder) {
    return from(CatalogSource.folder(folder, null));
  }

  /** The snapshot bundled with sky4j. */
  public static Catalog bundled() {
    return from(CatalogSource.bundled());
  }

  private static Catalog from(CatalogSource src) {
    Map<String, CloudData> tables = new LinkedHashMap<>();
    for (String cloud : src.clouds()) {
      tables.put(cloud, CloudData.read(cloud, src));
    }
    Map<String, CloudData> frozen = Map.copyOf(tables);
    Lazy<Map<String, AcceleratorInfo>> acc = Lazy.of(() -> {
      String text = src.read(CatalogSource.ACCELERATORS);
      if (text != null) {
        return Collections.unmodifiableMap(
            AcceleratorFile.parse(text, src.where(CatalogSource.ACCELERATORS)));
      }
      List<Offer> every = new ArrayList<>();
      frozen.values().forEach(t -> every.addAll(t.accelerated().offers));
      return Collections.unmodifiableMap(AcceleratorFile.merge(Map.of(), every));
    });
    return new Catalog(src.date(), src.source(), tables, acc);
  }

  /**
   * This catalog plus offers known only at runtime (the local cloud's node shapes). Offers of a
   * cloud already present are added to it.
   */
  public Catalog plus(Collection<Offer> extra) {
    Map<String, List<Offer>> byCloud = new LinkedHashMap<>();
    for (Offer o : extra) {
      byCloud.computeIfAbsent(o.cloud(), k -> new ArrayList<>()).add(o);
    }
    Map<String, CloudData> merged = new LinkedHashMap<>(tables);
    byCloud.forEach((cloud, offers) -> {
      CloudData old = tables.get(cloud);
      merged.put(cloud, old == null ? CloudData.of(cloud, offers) : old.plus(cloud, offers));
    });
    List<Offer> copy = List.copyOf(extra);
    return new Catalog(date, source, merged,
        Lazy.of(() -> Collections.unmodifiableMap(AcceleratorFile.merge(accelerators.get(), copy))));
  }

  /** The snapshot date, {@code yyyy-MM-dd}, or "unknown". */
  public String date() {
    return date;
  }

  /**
   * One line telling the user to refresh a catalog older than {@value #STALE_AFTER_DAYS} days,
   * or null when it is fresh or its date is unknown.
   */
  public String staleHint(LocalDate today) {
    LocalDate d;
    try {
      d = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      return null;
    }
    long days = ChronoUnit.DAYS.between(d, today);
    return days <= STALE_AFTER_DAYS ? null : "Hint: the catalog is " + days + " days old ("
        + date + "); prices and offers may have changed: run `sky catalog refresh`.";
  }

  /** Where the data came from, for the header of price tables. */
  public String source() {
    return source;
  }

  public List<String> clouds() {
    return List.copyOf(tables.keySet());
  }

  public List<Offer> offers() {
    return all.get();
  }

  /** One cloud's offers; empty for a cloud the catalog does not have. */
  public List<Offer> offers(String cloud) {
    CloudTable t = table(cloud);
    return t == null ? List.of() : t.offers;
  }

  /** CPU-only offers of one cloud, cheapest on-demand first. */
  public List<Offer> cpuOffers(String cloud) {
    CloudTable t = table(cloud);
    return t == null ? List.of() : t.cpuByPrice;
  }

  /** An accelerator by its name, ignoring case ({@code a100-80gb} finds {@code A100-80GB}). */
  public Optional<AcceleratorInfo> accelerator(String name) {
    return name == null ? Optional.empty()
        : Optional.ofNullable(accelerators.get().get(CloudTable.key(name.trim())));
  }

  /**
   * Accelerators whose name contains {@code fragment}, ignoring case, in name order: how SkyPilot's
   * {@code canonicalize_accelerator_name} reads a name that is not exact ({@code A100-80} is
   * {@code A100-80GB}, the only one; {@code H10} is ambiguous). Names starting with {@code tpu-}
   * are never completed (SkyPilot takes them as written).
   */
  public List<AcceleratorInfo> acceleratorsContaining(String fragment) {
    String f = fragment == null ? "" : fragment.trim().toLowerCase(java.util.Locale.ROOT);
    if (f.isEmpty() || f.startsWith("tpu-")) {
      return List.of();
    }
    List<AcceleratorInfo> out = new ArrayList<>();
    for (AcceleratorInfo a : accelerators()) {
      if (a.name().toLowerCase(java.util.Locale.ROOT).contains(f)) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * The accelerator a task means by {@code name}: the exact name (any case), else the only
   * catalog name containing it; empty when none or several do.
   */
  public Optional<AcceleratorInfo> acceleratorForTask(String name) {
    Optional<AcceleratorInfo> exact = accelerator(name);
    if (exact.isPresent()) {
      return exact;
    }
    List<AcceleratorInfo> containing = acceleratorsContaining(name);
    return containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
  }

  /** Every accelerator, in name order. */
  public Collection<AcceleratorInfo> accelerators() {
    return accelerators.get().values();
  }

  public List<String> regions(String cloud) {
    CloudTable t = table(cloud);
    return t == null ? List.of() : List.copyOf(t.zonesByRegion.keySet());
  }

  /** Zones of a region; empty where the catalog prices per region only. */
  public List<String> zones(String cloud, String region) {
    CloudTable t = table(cloud);
    return t == null ? List.of() : t.zonesByRegion.getOrDefault(region, List.of());
  }

  /** Offers of an instance type (case-insensitive), in one cloud or all; cheapest first. */
  public List<Offer> offersForInstanceType(String cloudOrNull, String instanceType) {
    if (cloudOrNull != null) {
      CloudTable t = table(cloudOrNull);
      return t == null ? List.of() : t.forInstanceType(instanceType);
    }
    List<Offer> out = new ArrayList<>();
    for (CloudData t : tables.values()) {
      out.addAll(t.full().forInstanceType(instanceType));
    }
    out.sort(CloudTable.BY_PRICE);
    return out;
  }

  /**
   * Offers of {@code count} x the accelerator (name ignoring case; counts within 0.01 match, as
   * SkyPilot's catalog does) across every cloud, cheapest on-demand first. A count of 0 or less
   * means any count.
   */
  public List<Offer> offersForAccelerator(String name, double count) {
    String k = CloudTable.key(name.trim()) + ':' + (count <= 0 ? "*" : Double.toString(count));
    List<Offer> hit = byAcceleratorAndCount.get(k);
    if (hit != null) {
      return hit;
    }
    Optional<AcceleratorInfo> info = accelerator(name);
    List<Offer> out = new ArrayList<>();
    for (Map.Entry<String, CloudData> e : tables.entrySet()) {
      // accelerators.csv says which clouds have it: the others need not be parsed at all
      if (info.isPresent() && !info.get().clouds().isEmpty()
          && !info.get().clouds().contains(e.getKey())) {
        continue;
      }
      for (Offer o : e.getValue().accelerated().forAccelerator(name.trim())) {
        if (count <= 0 || Math.abs(o.acceleratorCount() - count) <= 0.01) {
          out.add(o);
        }
      }
    }
    out.sort(CloudTable.BY_PRICE);
    List<Offer> frozen = Collections.unmodifiableList(out);
    byAcceleratorAndCount.putIfAbsent(k, frozen);
    return frozen;
  }

  private CloudTable table(String cloud) {
    if (cloud == null) {
      return null;
    }
    CloudData t = tables.get(CloudTable.key(cloud));
    return t == null ? null : t.full();
  }
}
