package dev.sky4j.client.dto;

import java.util.List;

/**
 * One bucket sky4j knows ({@code GET /storage}): its store ({@code s3}), region, whether it
 * outlives its clusters, whether sky4j created it, its size in bytes (null when the store cannot
 * say), the clusters that mount it, and when sky4j first saw it (epoch ms).
 */
public record StorageEntry(String name, String store, String region, boolean persistent,
    boolean createdBySky4j, Long sizeBytes, List<String> clusters, long createdAt) {}
