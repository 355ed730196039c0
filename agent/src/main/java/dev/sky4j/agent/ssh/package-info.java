/**
 * The node's SSH server (Apache MINA sshd): shell/exec through {@code /bin/sh -c} in the node
 * home, SFTP, TCP forwarding, public-key auth only, and the session tracker that feeds idle
 * detection. May depend on sshd and {@code dev.sky4j.agent.jobs} (process-tree kill) only.
 */
package dev.sky4j.agent.ssh;
