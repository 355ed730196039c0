package dev.sky4j.storage;

import dev.sky4j.client.dto.StorageDelete;
import dev.sky4j.client.dto.StorageEntry;
import dev.sky4j.requests.ApiError;
import dev.sky4j.state.StorageRecord;
import java.util.ArrayList;
import java.util.List;

/** The REST view of {@link Buckets}: rows for {@code sky storage ls}, names for delete. */
public final class StorageListing {
  private StorageListing() {}

  public static List<StorageEntry> entries(Buckets buckets) {
    List<StorageEntry> out = new ArrayList<>();
    for (StorageRecord r : buckets.list()) {
      long size = buckets.size(r);
      out.add(new StorageEntry(r.name(), r.store(), r.region(), r.persistent(), r.created(),
          size < 0 ? null : size, r.clusters(), r.createdAt()));
    }
    return out;
  }

  /** The names a delete request means; fails before anything is deleted when one is unknown. */
  public static List<String> names(Buckets buckets, StorageDelete d) {
    List<String> known = buckets.list().stream().map(StorageRecord::name).toList();
    if (d.all()) {
      return known;
    }
    if (d.names().isEmpty()) {
      throw ApiError.badRequest("no-storage-given", "name the storage to delete: sky storage "
          + "delete NAME ..., or --all");
    }
    for (String n : d.names()) {
      if (!known.contains(n)) {
        throw ApiError.notFound("storage-not-found", "no storage named " + n + " (sky4j knows: "
            + (known.isEmpty() ? "none" : String.join(", ", known)) + "; see sky storage ls)");
      }
    }
    return d.names();
  }
}
