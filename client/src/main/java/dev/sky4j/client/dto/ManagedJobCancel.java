package dev.sky4j.client.dto;

import java.util.List;

/** {@code POST /api/v1/jobs/cancel}: managed jobs by id, by name, or all that still run. */
public record ManagedJobCancel(List<Long> ids, String name, boolean all) {
  public ManagedJobCancel {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }
}
