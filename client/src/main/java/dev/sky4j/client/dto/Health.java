package dev.sky4j.client.dto;

/**
 * {@code GET /api/v1/health}: the version handshake. A client whose {@code apiVersion} differs
 * restarts a local server; {@code authRequired} tells it to send a token.
 */
public record Health(String status, String version, int apiVersion, long pid, String home,
    boolean authRequired) {
  /** Bumped whenever a request or response shape changes incompatibly. */
  public static final int API_VERSION = 1;
}
