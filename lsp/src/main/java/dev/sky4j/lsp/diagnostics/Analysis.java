package dev.sky4j.lsp.diagnostics;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Task;
import dev.sky4j.lsp.text.TextDocument;
import java.util.List;

/**
 * What core said about one version of a document: its tasks (empty when it has errors) and its
 * diagnostics, exactly as {@code sky validate} would print them. {@code catalog} is the one used
 * (null when it could not be loaded: catalog checks were then skipped).
 */
public record Analysis(TextDocument document, List<Task> tasks, String pipelineName,
    List<Diagnostic> diagnostics, Catalog catalog) {

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
