/**
 * Turns a task's resource choices and node count into ranked launch plans over the catalog,
 * honouring {@code ordered}, spot, cpus/memory, {@code max_hourly_cost} and a set of blocked
 * placements (failover). May depend on {@code dev.sky4j.spec} and {@code dev.sky4j.catalog}.
 */
package dev.sky4j.optimizer;
