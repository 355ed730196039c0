package dev.sky4j.client.dto;

/**
 * What a running server writes to {@code ~/.sky4j/server/server.json}: its URL, pid and version,
 * so {@code sky api status|stop} find it without guessing.
 */
public record ServerInfo(String url, long pid, String version, int apiVersion, long startedAt,
    String logFile) {}
