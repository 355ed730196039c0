package dev.sky4j.jobs;

/** One persisted state change of a managed job: when, to what, why, and where it then ran. */
public record JobEvent(long jobId, long at, ManagedJobStatus status, String reason, String infra) {}
