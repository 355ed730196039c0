/**
 * The agent's control API (JDK {@code com.sun.net.httpserver}, bound to the node's loopback
 * address only) and the small HTTP client used head-to-worker and controller-to-head (the latter
 * through an SSH tunnel). Every call carries the cluster's {@link dev.sky4j.agent.http.AgentSecret}
 * and the server refuses any other (and any browser). May depend on {@code dev.sky4j.agent.jobs} and {@code .json}.
 */
package dev.sky4j.agent.http;
