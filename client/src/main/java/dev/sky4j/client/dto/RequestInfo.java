package dev.sky4j.client.dto;

/**
 * {@code GET /api/v1/requests/{id}}. {@code status} is one of PENDING, RUNNING, SUCCEEDED, FAILED,
 * CANCELLED; {@code result} is the operation's answer once it SUCCEEDED, {@code error} its problem
 * once FAILED. Times are epoch milliseconds.
 */
public record RequestInfo(
    String id,
    String name,
    String cluster,
    String status,
    long createdAt,
    Long finishedAt,
    Object result,
    Problem error) {
  public boolean finished() {
    return !"PENDING".equals(status) && !"RUNNING".equals(status);
  }
}
