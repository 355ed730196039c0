/**
 * The kernel's link to a persistent Python: the JSON-lines protocol of {@code sky4j_repl.py}
 * ({@link dev.sky4j.kernel.repl.ReplClient}: numbered events, replay after a reconnect), the
 * transports (a child process's pipes, or {@code ssh} running the script's bridge), and the local
 * Python that cells use before a cluster is attached.
 */
package dev.sky4j.kernel.repl;
