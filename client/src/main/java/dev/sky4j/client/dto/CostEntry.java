package dev.sky4j.client.dto;

/** {@code sky cost-report}: what one cluster has cost since launch (running time only). */
public record CostEntry(String cluster, String status, String resources, int numNodes,
    double pricePerHour, double hoursRunning, double cost, long launchedAt) {}
