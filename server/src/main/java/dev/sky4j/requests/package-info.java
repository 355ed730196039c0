/**
 * Long operations as requests: {@link dev.sky4j.requests.RequestExecutor} queues them, gives each
 * an id, a redacted log file ({@link dev.sky4j.requests.RequestLog}) and a final status in the
 * state store. Secret values are masked in every log line and result; streamed output through
 * the agent's {@link dev.sky4j.agent.jobs.StreamRedactor} (the one streaming redactor, shared with
 * the node), which catches a value split across writes. May depend on the state store, the client
 * DTOs and that class.
 */
package dev.sky4j.requests;
