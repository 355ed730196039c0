package dev.sky4j.cli;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Diagnostics;
import dev.sky4j.spec.LoadResult;
import dev.sky4j.spec.Task;
import dev.sky4j.spec.TaskLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a task file for commands that run it: validates it as {@code sky validate} does and
 * prints the findings the same way; a file with errors yields nothing.
 */
final class TaskFiles {
  private TaskFiles() {}

  record Loaded(List<Task> tasks, String pipelineName) {}

  /** The file's tasks, or null after printing why they cannot be used. */
  static Loaded load(Path file, Catalog catalog, PrintWriter err) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      err.println("error: " + file + ": no such file");
      return null;
    } catch (IOException e) {
      err.println("error: " + file + ": cannot read (" + e.getMessage() + ")");
      return null;
    }
    LoadResult r = TaskLoader.load(text, file.toString(), catalog);
    List<Diagnostic> diags = r.diagnostics();
    if (!diags.isEmpty()) {
      // colour only on a terminal, and never when NO_COLOR is set (no-color.org)
      boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
      err.print(Diagnostics.formatText(file.toString(), text, diags, color));
    }
    if (r.hasErrors() || r.tasks().isEmpty()) {
      if (!r.hasErrors()) {
        err.println("error: " + file + " holds no task");
      }
      return null;
    }
    return new Loaded(r.tasks(), r.pipelineName());
  }
}
