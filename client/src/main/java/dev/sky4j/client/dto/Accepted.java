package dev.sky4j.client.dto;

/** The answer to every long operation: its request id, to poll or follow. */
public record Accepted(String requestId) {}
