package dev.sky4j.client.dto;

/**
 * One row of {@code sky queue}: status is PENDING, SETTING_UP, RUNNING, SUCCEEDED, FAILED,
 * FAILED_SETUP or CANCELLED. Times are epoch milliseconds (null when not reached).
 */
public record JobRecord(
    int id,
    String name,
    String user,
    String status,
    long submittedAt,
    Long startedAt,
    Long endedAt,
    Integer exitCode,
    String resources) {}
