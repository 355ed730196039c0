package dev.sky4j.client.dto;

/** What a finished launch or exec returns: where it landed and the job it submitted (or 0). */
public record LaunchResult(String cluster, int jobId, String cloud, String region, String zone,
    String instanceType, boolean detached, String jobStatus) {}
