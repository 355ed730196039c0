/**
 * The REST API under {@code /api/v1} (Javalin): routes declared in config, JSON through the
 * client module's codec, errors as problem objects, logs as SSE with resume. Routes are thin:
 * they parse, call {@link dev.sky4j.engine.SkyService} and render. {@code docs/openapi.json}
 * documents every route; a test keeps the two in step. {@link dev.sky4j.api.RequestGuard} checks
 * every request's Host, Origin, token ({@link dev.sky4j.api.ApiToken}) and content type before
 * any route runs, so a page in the user's browser never drives the server.
 */
package dev.sky4j.api;
