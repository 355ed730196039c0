package dev.sky4j.client.dto;

/**
 * {@code POST /api/v1/local/preempt}: reclaim a spot node of a local-cloud cluster as a cloud
 * would (an admin tool for testing recovery). {@code node} is the rank; null means the head.
 */
public record LocalPreemptRequest(String cluster, Integer node) {}
