package dev.sky4j.client.dto;

/**
 * One ranked launch plan. Prices are USD per hour; null where the catalog knows the offer but not
 * its price ("price unknown"). {@code candidate} is the index of the task's resource candidate
 * (any_of/ordered) that produced it; {@code interruptionBand} 0..4 is AWS's spot interruption
 * band (&lt;5% .. &gt;20% a month) where known. {@code egressUsd}: what reading the task's
 * buckets once from this plan's region costs (null when the task reads no existing bucket).
 */
public record PlanDto(String cloud, String region, String zone, String instanceType, boolean spot,
    String accelerators, Double vcpus, Double memoryGib, Double pricePerNode, int numNodes,
    Double totalPerHour, Double onDemandPrice, Double spotPrice, Integer interruptionBand,
    int candidate, Double egressUsd) {}
