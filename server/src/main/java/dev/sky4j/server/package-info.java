/**
 * The server process: {@link dev.sky4j.server.ServerMain} (flags, logging under
 * {@code ~/.sky4j/server/}, token when bound beyond loopback, {@code server.json} for clients)
 * and the wiring of providers, SSH access and the API. May depend on every server package.
 */
package dev.sky4j.server;
