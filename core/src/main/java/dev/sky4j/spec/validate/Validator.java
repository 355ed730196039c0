package dev.sky4j.spec.validate;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.schema.FieldModel;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
    if (task.get("resources") instanceof YNode.Mapping res) {
      int before = out.list().size();
      new ResourceRules(out).check(res, "$.resources");
      boolean resourcesClean = out.list().stream().noneMatch(
          d -> d.isError() && d.jsonPath().startsWith("$.resources"));
      if (catalog != null && resourcesClean && before >= 0) {
        new CatalogChecks(out, catalog).check(res, "$.resources");
      }
    }
    List<Diagnostic> all = new ArrayList<>(out.list());
    all.sort(BY_POSITION);
    return all;
  }
}
