/**
 * The local cloud (issue 3): {@link dev.sky4j.provision.local.LocalProvider} runs each node as
 * a detached {@code dev.sky4j.agent.NodeMain} process with its own loopback address and home,
 * four zones with configurable capacity, real ({@code nvidia-smi}) or simulated GPUs, spot
 * preemption and chaos. Nodes start with a clean environment ({@link
 * dev.sky4j.provision.local.NodeEnvironment}) and the cluster's agent secret in a 0600 file. Depends on the provider SPI, {@code dev.sky4j.paths}, {@code dev.sky4j.ssh}
 * (keys) and the agent's node config; nothing above the SPI depends on this package.
 */
package dev.sky4j.provision.local;
