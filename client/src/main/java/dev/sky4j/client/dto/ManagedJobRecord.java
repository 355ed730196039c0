package dev.sky4j.client.dto;

import java.util.List;

/**
 * One row of {@code sky jobs queue}. {@code recoveries} counts preemption recoveries and
 * {@code restarts} restarts after user-code failures; {@code attempts} lists where each attempt
 * ran ({@code cloud/region/zone}), oldest first. Times are epoch milliseconds.
 */
public record ManagedJobRecord(
    long id,
    String name,
    String status,
    String resources,
    long submittedAt,
    Long startedAt,
    Long endedAt,
    int recoveries,
    int restarts,
    String strategy,
    String cluster,
    String taskId,
    String infra,
    List<String> attempts,
    String message) {
  public ManagedJobRecord {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }
}
