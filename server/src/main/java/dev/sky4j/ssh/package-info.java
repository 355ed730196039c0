/**
 * SSH from the controller side: the user's key pair ({@link dev.sky4j.ssh.KeyManager}), each
 * cluster's agent secret ({@link dev.sky4j.ssh.AgentSecrets}), the
 * sshj {@link dev.sky4j.ssh.CommandRunner} (exec with streamed output, SFTP folder sync that
 * honours .skyignore/.gitignore and copies symlinks as links, tunnels that are cut when their
 * transport dies, a keep-alive that notices a silent peer in ~6 s, reconnect, an OpenSSH
 * {@code ProxyCommand} as the transport when a node sits behind a bastion), the agent client
 * over a tunnel, and the
 * OpenSSH config writer for SSH by name (with the same {@code ProxyCommand}). Depends on sshj, {@code dev.sky4j.paths} and the agent's
 * JSON/HTTP helpers; knows nothing about which cloud a node lives on.
 */
package dev.sky4j.ssh;
