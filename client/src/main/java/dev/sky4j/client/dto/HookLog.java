package dev.sky4j.client.dto;

/**
 * The saved output of a cluster's lifecycle hooks for one event ({@code stop}, {@code down},
 * {@code preemption}) as the server keeps it: {@code file} is where it lies on the server's machine.
 */
public record HookLog(String cluster, String event, String file, String output) {}
