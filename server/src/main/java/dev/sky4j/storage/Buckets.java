package dev.sky4j.storage;

import dev.sky4j.client.Sizes;
import dev.sky4j.optimizer.DataLocality;
import dev.sky4j.optimizer.LaunchPlan;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.spec.FileMount;
import dev.sky4j.state.StorageRecord;
import dev.sky4j.state.StorageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's view of bucket storage: which file mounts are buckets of a registered store,
 * making a bucket ready for a launch (created in the cluster's region when missing, local
 * sources uploaded, the cluster recorded as a user), and teardown ({@code persistent: false}
 * buckets sky4j created are deleted when their last cluster goes down).
 */
public final class Buckets {
  private final StoreRegistry stores;
  private final StorageStore rows;
  private final Path scratch;
  private final DataLocator locator;
  private final Map<String, Optional<String>> regions = new ConcurrentHashMap<>();

  public Buckets(StoreRegistry stores, StorageStore rows, Path scratch) {
    this.stores = stores;
    this.rows = rows;
    this.scratch = scratch;
    this.locator = new DataLocator(this);
  }

  /**
   * The store kind a file mount needs, or empty when it is not bucket storage (a local copy, or
   * storage the cloud keeps itself, such as the local cloud's folder buckets).
   */
  public Optional<String> storeOf(FileMount fm, String cloud) {
    if (fm instanceof FileMount.Copy c) {
      return BucketPath.isUrl(c.source()) ? Optional.of(BucketPath.parse(c.source()).store())
          : Optional.empty();
    }
    FileMount.Storage s = (FileMount.Storage) fm;
    for (String src : s.sources()) {
      if (BucketPath.isUrl(src)) {
        return Optional.of(BucketPath.parse(src).store());
      }
    }
    if (s.store() != null && !s.store().isBlank()) {
      return Optional.of(s.store().toLowerCase(Locale.ROOT));
    }
    return "aws".equals(cloud) ? Optional.of("s3") : Optional.empty();
  }

  /** The bucket ready for {@code cluster}: created and filled where asked, recorded as in use. */
  public BucketMount prepare(FileMount fm, String cluster, String cloud, String region, Path base,
      RequestLog log) throws IOException {
    String kind = storeOf(fm, cloud).orElseThrow();
    Store store = stores.get(kind).orElseThrow(() -> ApiError.badRequest("storage-store-unavailable",
        "file_mounts " + fm.destination() + ": no '" + kind + "' store in this server (stores: "
            + (stores.kinds().isEmpty() ? "none" : String.join(", ", stores.kinds()))
            + "); install the cloud's module or use another store"));
    if (fm instanceof FileMount.Copy c) {
      BucketPath p = parse(c.source(), fm);
      rows.use(p.bucket(), kind, regionOf(store, p.bucket()).orElse(null), true, false, cluster);
      return new BucketMount(c.destination(), p, BucketMount.Mode.COPY, true, store);
    }
    FileMount.Storage s = (FileMount.Storage) fm;
    BucketMount.Mode mode = mode(s);
    String dest = s.destination().startsWith("/") || s.destination().startsWith("~/")
        ? s.destination() : "~/" + s.destination();
    List<String> urls = s.sources().stream().filter(BucketPath::isUrl).toList();
    if (!urls.isEmpty()) {
      BucketPath p = parse(urls.get(0), fm);
      if (regionOf(store, p.bucket()).isEmpty()) {
        throw ApiError.badRequest("storage-bucket-missing", "file_mounts " + s.destination()
            + ": bucket " + p + " does not exist; create it, or give a name and a local source");
      }
      rows.use(p.bucket(), kind, regionOf(store, p.bucket()).orElse(null), true, false, cluster);
      return new BucketMount(dest, p, mode, false, store);
    }
    String name = s.name();
    if (name == null || !name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw ApiError.badRequest("storage-name-invalid", "file_mounts " + s.destination()
          + ": storage name '" + name + "' is not a valid bucket name: 3-63 characters, "
          + "lower-case letters, digits, '.' and '-'");
    }
    Optional<String> at = regionOf(store, name);
    boolean created = false;
    if (at.isEmpty()) {
      String r = region != null && store.hasRegion(region) ? region : store.defaultRegion();
      log.stage("Creating bucket " + kind + "://" + name + " in " + r);
      store.create(name, r, log);
      regions.put(kind + "://" + name, Optional.of(r));
      at = Optional.of(r);
      created = true;
    }
    boolean ours = created || rows.get(name).map(StorageRecord::created).orElse(false);
    rows.use(name, kind, at.get(), s.persistent(), ours, cluster);
    BucketPath p = new BucketPath(kind, name, "");
    for (String src : s.sources()) {
      Path from = base.resolve(src.startsWith("~/") ? System.getProperty("user.home")
          + src.substring(1) : src).normalize();
      if (!Files.exists(from)) {
        throw ApiError.badRequest("storage-source-missing", "storage " + name + " source " + from
            + " does not exist; fix the path in the task");
      }
      UploadResult r = store.upload(from, p, log);
      log.stage("Uploaded " + from + " to " + p + ": " + r.uploaded() + " of " + r.files()
          + " files changed (" + Sizes.human(r.bytes()) + ")");
    }
    return new BucketMount(dest, p, mode, false, store);
  }

  /** Shows a prepared bucket at {@code nodePath} on every node, in its mode. */
  public void attach(BucketMount m, String nodePath, String cloud, NodeShell nodes, RequestLog log)
      throws IOException {
    if (m.mode() == BucketMount.Mode.COPY) {
      new NodeCopy(scratch).apply(m, nodePath, nodes, log);
    } else {
      new NodeMount(scratch, cloud).apply(m, nodePath, nodes, log);
    }
  }

  /**
   * {@code cluster} went down: it no longer uses its buckets; a {@code persistent: false} bucket
   * that sky4j created and no other cluster uses is deleted.
   */
  public void release(String cluster, RequestLog log) {
    release(cluster, log, true);
  }

  /**
   * As above; with {@code deleteEphemeral} false the buckets are only released, never deleted
   * (a managed job's cluster torn down for a recovery: its bucket holds the checkpoints).
   */
  public void release(String cluster, RequestLog log, boolean deleteEphemeral) {
    for (StorageRecord r : rows.release(cluster)) {
      if (!deleteEphemeral || r.persistent() || !r.created() || !r.clusters().isEmpty()) {
        continue;
      }
      try {
        delete(r.name(), log);
      } catch (IOException | RuntimeException e) {
        log.stage("Could not delete bucket " + r.name() + " (persistent: false): " + e.getMessage()
            + "; delete it with sky storage delete " + r.name());
      }
    }
  }

  public List<StorageRecord> list() {
    return rows.list();
  }

  /** Bytes stored in a bucket sky4j knows, or -1 when its store cannot say. */
  public long size(StorageRecord r) {
    try {
      Optional<Store> s = stores.get(r.store());
      return s.isEmpty() ? -1 : s.get().list(new BucketPath(r.store(), r.name(), "")).stream()
          .mapToLong(StoredObject::size).sum();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Deletes a bucket sky4j knows, with its objects, and forgets it. */
  public void delete(String name, RequestLog log) throws IOException {
    StorageRecord r = rows.get(name).orElseThrow(() -> ApiError.notFound("storage-not-found",
        "no storage named " + name + " (see sky storage ls)"));
    Store store = stores.get(r.store()).orElseThrow(() -> ApiError.badRequest(
        "storage-store-unavailable", "no '" + r.store() + "' store in this server"));
    if (regionOf(store, name).isPresent()) {
      log.stage("Deleting bucket " + r.store() + "://" + name);
      store.delete(name, log);
    }
    regions.remove(r.store() + "://" + name);
    rows.remove(name);
  }

  /** A bucket's region, asked once per server ({@code GetBucketLocation} is not free). */
  public Optional<String> regionOf(Store store, String bucket) throws IOException {
    String key = store.kind() + "://" + bucket;
    Optional<String> known = regions.get(key);
    if (known != null && known.isPresent()) {
      return known;
    }
    Optional<String> r = store.regionOf(bucket);
    regions.put(key, r);
    return r;
  }

  public StoreRegistry stores() {
    return stores;
  }

  /** Where the existing buckets a task reads are, and how big they are (for the optimizer). */
  public DataLocality locality(List<FileMount> mounts, RequestLog log) {
    return locator.locate(mounts, log);
  }

  /** Says in the request log when the chosen plan reads a bucket from another region. */
  public void warnRemote(DataLocality data, LaunchPlan chosen, RequestLog log) {
    remoteWarning(data, chosen).ifPresent(w -> log.stage("Warning: " + w));
  }

  /** What reading the task's buckets from {@code plan}'s region costs, when any is elsewhere. */
  public Optional<String> remoteWarning(DataLocality data, LaunchPlan plan) {
    return DataLocator.warning(data, plan);
  }

  private static BucketPath parse(String url, FileMount fm) {
    try {
      return BucketPath.parse(url);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("storage-url-invalid", "file_mounts " + fm.destination() + ": "
          + e.getMessage());
    }
  }

  private static BucketMount.Mode mode(FileMount.Storage s) {
    String m = s.mode() == null ? "MOUNT" : s.mode().toUpperCase(Locale.ROOT);
    try {
      return BucketMount.Mode.valueOf(m);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("storage-mode-invalid", "file_mounts " + s.destination()
          + ": mode " + s.mode() + " is not COPY, MOUNT or MOUNT_CACHED");
    }
  }
}
