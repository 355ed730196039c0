/**
 * The cluster job queue that runs on the head node: FIFO scheduling over per-node GPU/CPU slots,
 * setup/run phases fanned out to every rank, SkyPilot's environment variables, per-job logs that
 * can be followed from any offset (served with the job's secret values masked, across chunk
 * borders and offset for offset: {@link dev.sky4j.agent.jobs.StreamRedactor}), and whole-tree
 * cancellation. May depend on the JDK,
 * {@code dev.sky4j.agent} (node config) and {@code dev.sky4j.json} only.
 */
package dev.sky4j.agent.jobs;
