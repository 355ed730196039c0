package dev.sky4j.storage;

import dev.sky4j.client.Sizes;
import dev.sky4j.catalog.EgressPrices;
import dev.sky4j.optimizer.DataLocality;
import dev.sky4j.optimizer.LaunchPlan;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.spec.FileMount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data-locality facts the optimizer ranks with: for each existing bucket a task mounts, its
 * region (cached by {@link Buckets}) and its size (listed, then cached for a few minutes). A
 * bucket that does not exist yet is created in the chosen region, so it costs no egress.
 */
final class DataLocator {
  private static final long SIZE_TTL_MS = 5 * 60_000;

  private record Size(long bytes, long at) {}

  private final Buckets buckets;
  private final Map<String, Size> sizes = new ConcurrentHashMap<>();

  DataLocator(Buckets buckets) {
    this.buckets = buckets;
  }

  DataLocality locate(List<FileMount> mounts, RequestLog log) {
    Map<String, DataLocality.Bucket> found = new LinkedHashMap<>();
    for (FileMount fm : mounts) {
      Optional<BucketPath> p = path(fm);
      if (p.isEmpty() || found.containsKey(p.get().store() + "://" + p.get().bucket())) {
        continue;
      }
      try {
        Optional<Store> store = buckets.stores().get(p.get().store());
        if (store.isEmpty()) {
          continue;
        }
        Optional<String> region = buckets.regionOf(store.get(), p.get().bucket());
        if (region.isPresent()) {
          String url = p.get().store() + "://" + p.get().bucket();
          found.put(url, new DataLocality.Bucket(url, store.get().cloud(), region.get(),
              size(store.get(), p.get())));
        }
      } catch (IOException | RuntimeException e) {
        if (log != null) {
          log.stage("Data locality: cannot locate " + p.get() + " (" + e.getMessage() + ")");
        }
      }
    }
    return new DataLocality(new ArrayList<>(found.values()));
  }

  private long size(Store store, BucketPath p) throws IOException {
    String key = p.toString();
    Size s = sizes.get(key);
    long now = System.currentTimeMillis();
    if (s == null || now - s.at() > SIZE_TTL_MS) {
      s = new Size(store.list(p).stream().mapToLong(StoredObject::size).sum(), now);
      sizes.put(key, s);
    }
    return s.bytes();
  }

  /** The bucket (and prefix) a mount reads, when it names one by URL or by storage name. */
  private Optional<BucketPath> path(FileMount fm) {
    if (buckets.storeOf(fm, null).isEmpty()) {
      return Optional.empty();
    }
    if (fm instanceof FileMount.Copy c) {
      return Optional.of(BucketPath.parse(c.source()));
    }
    FileMount.Storage s = (FileMount.Storage) fm;
    for (String src : s.sources()) {
      if (BucketPath.isUrl(src)) {
        return Optional.of(BucketPath.parse(src));
      }
    }
    return s.name() == null ? Optional.empty() : Optional.of(new BucketPath(
        buckets.storeOf(fm, null).get(), s.name(), ""));
  }

  /** {@code aws/us-east-1 reads s3://b (us-west-2, 1.2 GB) from another region: about $0.02 of egress}. */
  static Optional<String> warning(DataLocality data, LaunchPlan p) {
    List<DataLocality.Bucket> remote = data.remoteFrom(p);
    if (remote.isEmpty()) {
      return Optional.empty();
    }
    List<String> what = remote.stream().map(b -> b.url() + " (" + b.cloud() + "/" + b.region()
        + ", " + Sizes.human(b.bytes()) + ")").toList();
    double usd = data.egressUsd(p, EgressPrices.builtin());
    return Optional.of(p.infra() + " reads " + String.join(", ", what) + " from another region: "
        + (Double.isNaN(usd) ? "egress price unknown" : String.format(Locale.ROOT,
            "about $%.2f of egress each time the data is read in full", usd))
        + "; pin the bucket's region with --infra to avoid it");
  }
}
