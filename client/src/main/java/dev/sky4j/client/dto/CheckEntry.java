package dev.sky4j.client.dto;

/** {@code sky check}: one cloud, usable or not, and why. */
public record CheckEntry(String cloud, boolean enabled, String reason) {}
