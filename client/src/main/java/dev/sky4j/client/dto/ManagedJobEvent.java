package dev.sky4j.client.dto;

/** One state change of a managed job: when, to what, why, and where it then ran (or null). */
public record ManagedJobEvent(long at, String status, String reason, String infra) {}
