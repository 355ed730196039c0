package dev.sky4j.spec;

import java.util.List;

/**
 * One finding about a task file: a stable {@code code} (e.g. {@code unknown-field}), a message a
 * user can act on, where it is (range and JSON path such as {@code $.resources.accelerators}), and
 * edits that would fix it. {@code related} points at other places that matter (the first
 * occurrence of a duplicate key, for example).
 */
public record Diagnostic(
    Severity severity,
    String code,
    String message,
    SourceRange range,
    String jsonPath,
    List<Suggestion> suggestions,
    List<SourceRange> related) {

  public Diagnostic {
    suggestions = List.copyOf(suggestions);
    related = List.copyOf(related);
  }

  public static Diagnostic error(String code, String message, SourceRange range, String jsonPath) {
    return new Diagnostic(Severity.ERROR, code, message, range, jsonPath, List.of(), List.of());
  }

  public static Diagnostic warning(String code, String message, SourceRange range, String jsonPath) {
    return new Diagnostic(Severity.WARNING, code, message, range, jsonPath, List.of(), List.of());
  }

  public Diagnostic withSuggestions(List<Suggestion> more) {
    return new Diagnostic(severity, code, message, range, jsonPath, more, related);
  }

  public Diagnostic withRelated(List<SourceRange> more) {
    return new Diagnostic(severity, code, message, range, jsonPath, suggestions, more);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
