package dev.sky4j.spec.validate;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.schema.FieldModel;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one validator: schema structure, then value rules, then (when a catalog is given) catalog
 * checks. The CLI, the server and the language server all call this, so a finding reads the same
 * everywhere.
 */
public final class Validator {
  private static final Comparator<Diagnostic> BY_POSITION = Comparator
      .comparingInt((Diagnostic d) -> d.range().startLine())
      .thenComparingInt(d -> d.range().startColumn());

  private Validator() {}

  /** Findings for one task document, sorted by position. {@code catalog} may be null. */
  public static List<Diagnostic> validate(YNode doc, Catalog catalog) {
    Findings out = new Findings();
    if (!(doc instanceof YNode.Mapping task)) {
      out.error("not-a-mapping", "A task must be a mapping of fields (name:, resources:, run: ...),"
          + " found " + doc.describe() + ". Start the file with 'run: |' or 'resources:'.", doc, "$");
      return out.list();
    }
    new StructureCheck(out).checkTask(task, FieldModel.root());
    new TaskRules(out).check(task);
    new EnvRules(out).check(task);
    if (task.get("resources") instanceof YNode.Mapping res) {
      new ResourceRules(out).check(res, "$.resources");
      if (catalog != null) {
        // each catalog check reads a few fields: it runs when those have no error, so a typo
        // elsewhere in resources does not hide an unknown GPU
        Set<String> errorPaths = new HashSet<>();
        out.list().stream().filter(Diagnostic::isError).forEach(d -> errorPaths.add(d.jsonPath()));
        new CatalogChecks(out, catalog, path -> hasErrorAt(errorPaths, path)).check(res, "$.resources");
      }
    }
    // an any_of/ordered item that inherits an outer field would report the outer field's
    // problem once per item: keep one
    List<Diagnostic> all = new ArrayList<>(new LinkedHashSet<>(out.list()));
    all.sort(BY_POSITION);
    return all;
  }

  /** An error at {@code path} itself or anywhere below it ({@code path.x}, {@code path[0]}). */
  private static boolean hasErrorAt(Set<String> errorPaths, String path) {
    for (String p : errorPaths) {
      if (p.equals(path) || (p.startsWith(path) && (p.charAt(path.length()) == '.'
          || p.charAt(path.length()) == '['))) {
        return true;
      }
    }
    return false;
  }
}
