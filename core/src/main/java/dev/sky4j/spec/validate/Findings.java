package dev.sky4j.spec.validate;

import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Severity;
import dev.sky4j.spec.SourceRange;
import dev.sky4j.spec.Suggestion;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics while the checks run; one place decides their shape. */
final class Findings {
  private final List<Diagnostic> all = new ArrayList<>();

  void add(Diagnostic d) {
    all.add(d);
  }

  void error(String code, String message, YNode at, String path) {
    all.add(Diagnostic.error(code, message, at.range(), path));
  }

  void warning(String code, String message, YNode at, String path) {
    all.add(Diagnostic.warning(code, message, at.range(), path));
  }

  /** An error with one fix: replace {@code at} by {@code replacement}. */
  void errorWithFix(String code, String message, YNode at, String path, String title, String replacement) {
    add(Severity.ERROR, code, message, at.range(), path, title, replacement);
  }

  void add(Severity sev, String code, String message, SourceRange range, String path,
      String title, String replacement) {
    List<Suggestion> s = replacement == null ? List.of() : List.of(new Suggestion(title, range, replacement));
    all.add(new Diagnostic(sev, code, message, range, path, s, List.of()));
  }

  boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  List<Diagnostic> list() {
    return all;
  }
}
