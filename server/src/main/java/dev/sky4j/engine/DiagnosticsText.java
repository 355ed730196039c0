package dev.sky4j.engine;

import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Diagnostics;
import java.util.List;

/** Renders diagnostics exactly as {@code sky validate} prints them (core's one formatter). */
final class DiagnosticsText {
  private DiagnosticsText() {}

  static String render(List<Diagnostic> diagnostics, String text, String file) {
    return Diagnostics.formatText(file, text, diagnostics, false);
  }
}
