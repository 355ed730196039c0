package dev.sky4j.client.dto;

/**
 * {@code GET /api/v1/health}: the version handshake. A client whose {@code apiVersion} differs
 * restarts a local server; {@code authRequired} tells it to send a token. {@code build} is the
 * {@link dev.sky4j.client.BuildId} of the server's jar (null when it runs from classes): a local
 * server whose build differs from the jar on disk is restarted too.
 */
public record Health(String status, String version, int apiVersion, long pid, String home,
    boolean authRequired, String build) {
  /** Bumped whenever a request or response shape changes incompatibly. */
  public static final int API_VERSION = 1;
}
