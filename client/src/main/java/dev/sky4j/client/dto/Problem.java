package dev.sky4j.client.dto;

import java.util.List;

/**
 * An error as the API returns it (RFC 9457 problem details, plus a stable {@code code}). {@code
 * message} says what went wrong and what to do next; {@code diagnostics} and {@code
 * diagnosticsText} (rendered exactly as {@code sky validate} prints them) are set for YAML errors.
 */
public record Problem(
    String type,
    String code,
    String title,
    int status,
    String message,
    List<DiagnosticDto> diagnostics,
    String diagnosticsText,
    String requestId) {

  public static Problem of(int status, String code, String message) {
    return new Problem("about:blank", code, titleFor(status), status, message, List.of(), null, null);
  }

  public Problem withRequestId(String id) {
    return new Problem(type, code, title, status, message, diagnostics, diagnosticsText, id);
  }

  private static String titleFor(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 422 -> "Unprocessable Content";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Server Error" : "Error";
    };
  }
}
