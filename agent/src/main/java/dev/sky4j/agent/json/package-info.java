/**
 * A tiny JSON reader/writer for the agent's control API (the node jar carries no JSON library).
 * Shared with the server-side agent client. Depends on nothing.
 */
package dev.sky4j.agent.json;
