package dev.sky4j.client.dto;

import java.util.List;

/**
 * {@code POST /api/v1/autostop}: set or cancel autostop on clusters. {@code idleMinutes} null means
 * SkyPilot's default of 5; {@code cancel} turns autostop off; {@code waitFor} is
 * {@code jobs_and_ssh} (default), {@code jobs} or {@code none}.
 */
public record AutostopRequest(
    List<String> clusters, boolean all, Integer idleMinutes, boolean down, String waitFor,
    boolean cancel) {
  /** {@code sky autostop} without {@code -i}. */
  public static final int DEFAULT_IDLE_MINUTES = 5;

  public AutostopRequest {
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
  }
}
