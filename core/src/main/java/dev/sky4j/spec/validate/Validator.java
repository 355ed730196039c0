package dev.sky4j.spec.validate;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.EnvSubstitution;
import dev.sky4j.spec.SourceRange;
import dev.sky4j.spec.schema.FieldModel;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    return validate(doc, catalog, Map.of());
  }

  /**
   * As {@link #validate(YNode, Catalog)}, with {@code envOverrides} (the CLI's {@code --env}) over
   * the task's envs: the fields SkyPilot substitutes are checked with the values filled in.
   */
  public static List<Diagnostic> validate(YNode doc, Catalog catalog, Map<String, String> envOverrides) {
    Findings out = new Findings();
    if (!(doc instanceof YNode.Mapping raw)) {
      out.error("not-a-mapping", "A task must be a mapping of fields (name:, resources:, run: ...),"
          + " found " + doc.describe() + ". Start the file with 'run: |' or 'resources:'.", doc, "$");
      return out.list();
    }
    EnvSubstitution.Result filled = EnvSubstitution.apply(raw,
        EnvSubstitution.envsOf(raw, envOverrides));
    YNode.Mapping task = filled.task();
    new StructureCheck(out).checkTask(task, FieldModel.root());
    new TaskRules(out).check(task);
    new ServiceRules(out).check(task);
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
    // a value given only at launch: what depends on it is checked then
    all.removeIf(d -> !d.code().equals("unknown-variable")
        && filled.deferred().stream().anyMatch(r -> within(d.range(), r)));
    // a fix computed from a filled-in value would overwrite the $VAR in the source
    all.replaceAll(d -> d.suggestions().isEmpty()
        || filled.filled().stream().noneMatch(r -> within(d.range(), r)) ? d
        : d.withSuggestions(List.of()));
    all.sort(BY_POSITION);
    return all;
  }

  private static boolean within(SourceRange inner, SourceRange outer) {
    return compare(inner.startLine(), inner.startColumn(), outer.startLine(), outer.startColumn()) >= 0
        && compare(inner.endLine(), inner.endColumn(), outer.endLine(), outer.endColumn()) <= 0;
  }

  private static int compare(int l1, int c1, int l2, int c2) {
    return l1 != l2 ? Integer.compare(l1, l2) : Integer.compare(c1, c2);
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
