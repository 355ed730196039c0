/**
 * Installing the agent on a fresh cloud VM over the system's OpenSSH ({@code ssh}/{@code scp}):
 * {@link dev.sky4j.provision.bootstrap.OpenSshBootstrap} uploads a jlinked Java runtime
 * ({@link dev.sky4j.provision.bootstrap.AgentRuntime}, built once here and cached under
 * {@code $SKY4J_HOME/cache}) and the agent jar, each only when the node lacks that content
 * (sha-256 markers on the node), writes the cluster secret 0600 and the agent's settings
 * ({@link dev.sky4j.provision.bootstrap.NodeFiles}), installs a systemd unit that survives
 * stop/start, and waits until each agent answers through an SSH tunnel. Cloud-neutral: a
 * provider hands it {@link dev.sky4j.provision.bootstrap.BootstrapTarget}s.
 */
package dev.sky4j.provision.bootstrap;
