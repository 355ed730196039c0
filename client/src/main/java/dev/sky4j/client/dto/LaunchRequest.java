package dev.sky4j.client.dto;

/**
 * {@code POST /api/v1/launch}. {@code idleMinutes} null keeps the YAML's autostop; {@code down}
 * with it means autodown, without it tear down when the jobs finish (SkyPilot's semantics).
 * {@code waitFor} ({@code jobs_and_ssh}, {@code jobs}, {@code none}) null keeps the YAML's.
 */
public record LaunchRequest(
    String cluster,
    TaskInput task,
    Integer idleMinutes,
    boolean down,
    boolean retryUntilUp,
    boolean noSetup,
    boolean detachRun,
    String waitFor) {
  /** Without {@code --wait-for}. */
  public LaunchRequest(String cluster, TaskInput task, Integer idleMinutes, boolean down,
      boolean retryUntilUp, boolean noSetup, boolean detachRun) {
    this(cluster, task, idleMinutes, down, retryUntilUp, noSetup, detachRun, null);
  }
}
