package dev.sky4j.client.dto;

import java.util.List;

/**
 * One row of {@code sky status}. {@code status} is INIT, UP, AUTOSTOPPING or STOPPED; {@code resources} is the
 * display form ({@code 2x local(cpu4, H100:1)}); {@code pricePerHour} covers all nodes.
 * {@code autostopMinutes} is null when autostop is off.
 */
public record ClusterRecord(
    String name,
    String status,
    String cloud,
    String region,
    String zone,
    String instanceType,
    int numNodes,
    String accelerators,
    boolean spot,
    String resources,
    double pricePerHour,
    Integer autostopMinutes,
    boolean autostopDown,
    long launchedAt,
    String user,
    String headIp,
    List<String> nodeIps,
    String statusMessage) {
  public ClusterRecord {
    nodeIps = nodeIps == null ? List.of() : List.copyOf(nodeIps);
  }
}
