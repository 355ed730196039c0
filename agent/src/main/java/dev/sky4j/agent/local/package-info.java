/**
 * The local cloud's on-disk node lifecycle, shared by the two processes that stop nodes: the
 * server's {@code LocalProvider} (sky stop / sky down) and the head node itself (autostop). One
 * implementation, so a node stopped by autostop looks exactly like one stopped by the server.
 * Depends on the JDK and {@link dev.sky4j.agent.jobs.ProcessTree} only.
 */
package dev.sky4j.agent.local;
