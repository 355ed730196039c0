package dev.sky4j.client.dto;

/** {@code POST /api/v1/exec}: sync the workdir and run on an existing cluster; no setup. */
public record ExecRequest(String cluster, TaskInput task, boolean detachRun) {}
