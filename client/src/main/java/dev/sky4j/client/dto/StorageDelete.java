package dev.sky4j.client.dto;

import java.util.List;

/** {@code POST /storage/delete}: the buckets to delete with their objects, or every one sky4j knows. */
public record StorageDelete(List<String> names, boolean all) {
  public StorageDelete {
    names = names == null ? List.of() : List.copyOf(names);
  }
}
