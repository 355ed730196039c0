/**
 * Autostop on the head node (SkyPilot's skylet {@code StopEvent}, reference §5): the stored
 * setting ({@link AutostopConfig}, lifecycle hooks), the cluster-wide activity probe, the timer
 * that decides, the self-stop that runs hooks and stops workers then the head through the
 * cloud's own stop path, and the node's one {@link dev.sky4j.agent.autostop.Teardown} claim that
 * autostop, a user's stop/down and a preemption notice race for (only the winner's hooks run). Lives on the node so it works while the user's laptop and the API
 * server are off. Depends on the agent's {@code jobs}, {@code ssh}, {@code http}, {@code json}
 * and {@code local} packages only.
 */
package dev.sky4j.agent.autostop;
