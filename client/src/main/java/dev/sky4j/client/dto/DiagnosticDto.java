package dev.sky4j.client.dto;

/** One YAML finding from core's validator, flattened for JSON. Lines/columns are 1-based. */
public record DiagnosticDto(
    String severity,
    String code,
    String message,
    String file,
    int line,
    int column,
    int endLine,
    int endColumn,
    String jsonPath) {}
