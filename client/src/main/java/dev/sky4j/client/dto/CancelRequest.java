package dev.sky4j.client.dto;

import java.util.List;

/** {@code POST /api/v1/cancel}: jobs to cancel on a cluster, or all of them. */
public record CancelRequest(String cluster, List<Integer> jobIds, boolean all) {
  public CancelRequest {
    jobIds = jobIds == null ? List.of() : List.copyOf(jobIds);
  }
}
