/**
 * The launch engine and cluster operations, in SkyPilot's stages: resolve the task (core's one
 * validator), optimize, provision with failover, wait for SSH, agent, SSH config, sync, submit,
 * stream; plus exec, queue, logs, cancel, stop, start, down, reconcile on start and cost
 * tracking. Planning has one function, {@code Planner}: the provisioner launches from it and
 * {@code POST /optimize} ({@code sky launch --dryrun}, {@code DryRunPlans}) shows it.
 * {@link dev.sky4j.engine.SkyService} is the facade the API calls. May depend on core,
 * the provider SPI, ssh, state, requests and the client DTOs; never on the API layer.
 */
package dev.sky4j.engine;
