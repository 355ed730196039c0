/**
 * The REST API under {@code /api/v1} (Javalin): routes declared in config, JSON through the
 * client module's codec, errors as problem objects, logs as SSE with resume. Routes are thin:
 * they parse, call {@link dev.sky4j.engine.SkyService} and render. {@code docs/openapi.json}
 * documents every route; a test keeps the two in step.
 */
package dev.sky4j.api;
