package dev.sky4j.spec;

import java.util.List;

/**
 * What loading a task file gave: the tasks (empty when any diagnostic is an error), the pipeline
 * name from a leading {@code name:}-only document (or null), and every finding.
 */
public record LoadResult(List<Task> tasks, String pipelineName, List<Diagnostic> diagnostics) {
  public LoadResult {
    tasks = List.copyOf(tasks);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The single task of a non-pipeline file; fails when there are errors or several tasks. */
  public Task task() {
    if (tasks.size() != 1) {
      throw new IllegalStateException(tasks.isEmpty() ? "the file has errors" : "the file is a pipeline");
    }
    return tasks.get(0);
  }
}
