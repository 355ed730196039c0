package dev.sky4j.client.dto;

/**
 * {@code POST /api/v1/jobs/launch}: run {@code task} as a managed job named {@code name} (null:
 * the task's name). {@code strategy} overrides {@code job_recovery.strategy} ({@code
 * EAGER_NEXT_REGION} or {@code FAILOVER}); null keeps the YAML's or the default.
 */
public record ManagedJobLaunch(String name, TaskInput task, String strategy) {}
