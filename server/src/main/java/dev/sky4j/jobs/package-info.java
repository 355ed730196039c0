/**
 * Managed jobs ({@code sky jobs ...}): one controller per job inside the API server, run as a
 * small state machine on a shared scheduler (no thread, process or VM per job). A controller
 * launches the job's dedicated cluster through the engine ({@link dev.sky4j.engine.JobClusters}),
 * watches the provider and the head agent, recovers from preemption with the job's
 * {@link dev.sky4j.jobs.RecoveryStrategy}, restarts user failures only as {@code job_recovery}
 * allows, and persists every state change ({@link dev.sky4j.jobs.ManagedJobStore}) so a restarted
 * server picks each job up where it was.
 *
 * <p>May depend on: core (spec, optimizer), client DTOs, engine ({@code JobClusters}), state
 * ({@code Database}), requests ({@code RequestContext}/{@code RequestLog} for launch logs),
 * provision ({@code NodeState}). Nothing depends on this package but the API routes and
 * {@code ServerMain}.
 */
package dev.sky4j.jobs;
