package dev.sky4j.engine;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Task;
import java.util.List;

/**
 * The one seam to core's loader and diagnostics renderer, so the engine and the validate route
 * call them the same way.
 */
final class Validation {
  private Validation() {}

  record Loaded(List<Task> tasks, List<Diagnostic> diagnostics) {}

  static Loaded load(String text, String file, Catalog catalog) {
    var r = dev.sky4j.spec.TaskLoader.load(text, file, catalog);
    return new Loaded(r.tasks(), r.diagnostics());
  }

  static String render(List<Diagnostic> diagnostics, String text, String file) {
    return DiagnosticsText.render(diagnostics, text, file);
  }
}
