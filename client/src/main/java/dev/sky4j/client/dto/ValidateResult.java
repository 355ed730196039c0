package dev.sky4j.client.dto;

import java.util.List;

/** {@code POST /api/v1/validate}: core's findings, and the same text {@code sky validate} prints. */
public record ValidateResult(boolean valid, List<DiagnosticDto> diagnostics, String text) {}
