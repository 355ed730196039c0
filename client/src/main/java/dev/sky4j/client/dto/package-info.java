/**
 * The REST API's data: request and response bodies as records. They are plain data (no
 * behaviour beyond small helpers) so the server, the CLI and the kernel share one definition;
 * {@code docs/openapi.json} documents the same shapes for non-Java clients.
 */
package dev.sky4j.client.dto;
