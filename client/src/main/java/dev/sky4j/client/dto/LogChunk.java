package dev.sky4j.client.dto;

/**
 * One SSE {@code log} event: text and the byte offset just after it, which is also the event id
 * a client sends back ({@code Last-Event-ID} or {@code ?offset=}) to resume without gaps.
 */
public record LogChunk(long offset, String text) {}
