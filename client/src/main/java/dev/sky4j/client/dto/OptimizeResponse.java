package dev.sky4j.client.dto;

import java.util.List;

/**
 * What {@code POST /optimize} answers: the plans the server would launch the task on, best first
 * (the first {@code limit} of each resource candidate; {@code totalPlans} counts all), over the
 * clouds enabled on this server. When none is launchable, {@code emptyReason} says why, and
 * {@code notEnabled} lists what the catalog offers on clouds this server has not enabled.
 * {@code warnings}: e.g. the chosen plan reads a bucket from another region (data locality).
 */
public record OptimizeResponse(
    String task,
    int numNodes,
    CatalogInfo catalog,
    List<String> enabledClouds,
    List<PlanDto> plans,
    int totalPlans,
    String emptyReason,
    List<PlanDto> notEnabled,
    List<String> warnings) {

  /** The catalog's date and source, and a one-line refresh hint when it is old (else null). */
  public record CatalogInfo(String date, String source, String staleHint) {}
}
