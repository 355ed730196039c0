/**
 * The node process ({@link dev.sky4j.agent.NodeMain}) and its configuration record, shared with
 * the provider that writes it. Subpackages: {@code ssh} (MINA sshd), {@code jobs} (queue),
 * {@code http} (control API), {@code autostop} (the head's idle timer and
 * self-stop), {@code local} (local-cloud node lifecycle shared with the server's provider),
 * {@code fs} (a node's private root and its mounts).
 * Depends on sshd, slf4j and core's {@code dev.sky4j.json} codec only (the node jar carries no
 * other part of core); no AWS SDK, no Javalin, so the jar stays small enough to ship to every node.
 */
package dev.sky4j.agent;
