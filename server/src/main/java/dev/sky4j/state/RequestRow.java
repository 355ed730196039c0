package dev.sky4j.state;

/**
 * A long operation: {@code body} is its redacted request body, {@code result}/{@code error} the
 * JSON of its answer or problem. Times are epoch milliseconds.
 */
public record RequestRow(String id, String name, String cluster, RequestStatus status, String body,
    String result, String error, long createdAt, Long finishedAt) {}
