package dev.sky4j.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One cloud's tables, each built on first use: the full one (every priced row and every
 * offering) and a smaller one for accelerator lookups (priced rows plus unpriced accelerator
 * rows). Most of the offerings are CPU-only types; an accelerator check (the common validation)
 * so never builds them, which keeps cold {@code sky validate} fast.
 */
final class CloudData {
  private final Lazy<CloudTable> full;
  private final Lazy<CloudTable> accelerated;

  private CloudData(Lazy<CloudTable> full, Lazy<CloudTable> accelerated) {
    this.full = full;
    this.accelerated = accelerated;
  }

  static CloudData read(String cloud, CatalogSource src) {
    String file = cloud + ".csv";
    Lazy<List<Offer>> priced = Lazy.of(() -> {
      String text = src.read(file);
      return text == null ? List.of() : List.copyOf(OfferFile.parse(cloud, text, src.where(file)));
    });
    Lazy<Map<String, List<String>>> zones = Lazy.of(() -> {
      String text = src.read(Offerings.zonesFile(cloud));
      return text == null ? Map.of() : Offerings.zones(text, src.where(Offerings.zonesFile(cloud)));
    });
    Lazy<String> types = Lazy.of(() -> {
      String text = src.read(Offerings.typesFile(cloud));
      return text == null ? "" : text;
    });
    String where = src.where(Offerings.typesFile(cloud));
    Lazy<CloudTable> full = Lazy.of(() -> table(cloud, priced.get(), types.get(), where, false,
        zones.get()));
    // without offerings both tables hold the same rows: build one
    return new CloudData(full, Lazy.of(() -> types.get().isEmpty() ? full.get()
        : table(cloud, priced.get(), types.get(), where, true, zones.get())));
  }

  private static CloudTable table(String cloud, List<Offer> priced, String types, String where,
      boolean acceleratedOnly, Map<String, List<String>> zones) {
    List<Offer> rows = new ArrayList<>(priced);
    if (!types.isEmpty()) {
      rows.addAll(Offerings.unpriced(cloud, types, where, priced, acceleratedOnly));
    }
    return new CloudTable(cloud, rows, zones);
  }

  /** A cloud known only from runtime offers. */
  static CloudData of(String cloud, List<Offer> offers) {
    Lazy<CloudTable> t = Lazy.of(() -> new CloudTable(cloud, new ArrayList<>(offers)));
    return new CloudData(t, t);
  }

  /** This cloud with {@code extra} offers added to both tables. */
  CloudData plus(String cloud, List<Offer> extra) {
    return new CloudData(Lazy.of(() -> with(full.get(), cloud, extra)),
        Lazy.of(() -> with(accelerated(), cloud, extra)));
  }

  private static CloudTable with(CloudTable t, String cloud, List<Offer> extra) {
    List<Offer> rows = new ArrayList<>(t.offers);
    rows.addAll(extra);
    return new CloudTable(cloud, rows, t.extraZones);
  }

  CloudTable full() {
    return full.get();
  }

  /** Enough for accelerator lookups: the full table when it is built already. */
  CloudTable accelerated() {
    return full.isDone() ? full.get() : accelerated.get();
  }
}
