package dev.sky4j.cli;

import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.spec.Diagnostics;
import dev.sky4j.spec.LoadResult;
import dev.sky4j.spec.TaskLoader;
import java.io.PrintStream;

/**
 * Validates a task file here, before anything is sent, and prints findings exactly as {@code sky
 * validate} does. Without the catalog (loading it costs start-up time); the server checks
 * catalog-dependent rules and answers with the same rendering.
 */
final class LocalCheck {
  private LocalCheck() {}

  /** False (after printing the findings) when the YAML has errors. */
  static boolean ok(TaskInput in, PrintStream err) {
    if (in.yaml() == null) {
      return true;
    }
    LoadResult r = TaskLoader.load(in.yaml(), in.yamlPath(), null);
    if (!r.diagnostics().isEmpty()) {
      boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
      err.print(Diagnostics.formatText(in.yamlPath(), in.yaml(), r.diagnostics(), color));
    }
    return !r.hasErrors();
  }
}
