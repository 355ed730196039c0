package dev.sky4j.client.dto;

/**
 * {@code POST /api/v1/launch}. {@code idleMinutes} null keeps the YAML's autostop; {@code down}
 * with it means autodown, without it tear down when the jobs finish (SkyPilot's semantics).
 */
public record LaunchRequest(
    String cluster,
    TaskInput task,
    Integer idleMinutes,
    boolean down,
    boolean retryUntilUp,
    boolean noSetup,
    boolean detachRun) {}
