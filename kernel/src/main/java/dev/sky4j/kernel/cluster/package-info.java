/**
 * Attaching to a cluster: the REPL as a job on the head node (GPU slots, envs, workdir from the
 * agent's queue), reached with system OpenSSH by cluster name ({@link dev.sky4j.kernel.cluster.Ssh}),
 * and cluster records from the API server through the client module.
 */
package dev.sky4j.kernel.cluster;
