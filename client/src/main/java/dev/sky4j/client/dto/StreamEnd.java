package dev.sky4j.client.dto;

/**
 * The last SSE event of a stream ({@code end}): the final status of the request or job, and for a
 * job its exit code; {@code detail} says why when the stream ended early.
 */
public record StreamEnd(String status, Integer exitCode, String detail) {}
