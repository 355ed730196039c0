package dev.sky4j.client.dto;

/** {@code POST /api/v1/optimize}: one ranked launch plan, cheapest first. */
public record PlanDto(String cloud, String region, String zone, String instanceType, boolean spot,
    String accelerators, double vcpus, double memoryGib, double pricePerNode, int numNodes,
    double totalPerHour) {}
