/**
 * Long operations as requests: {@link dev.sky4j.requests.RequestExecutor} queues them, gives each
 * an id, a redacted log file ({@link dev.sky4j.requests.RequestLog}) and a final status in the
 * state store. May depend on the state store and the client DTOs.
 */
package dev.sky4j.requests;
