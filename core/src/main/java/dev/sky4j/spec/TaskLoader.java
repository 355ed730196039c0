package dev.sky4j.spec;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.validate.Validator;
import dev.sky4j.spec.yaml.YNode;
import dev.sky4j.spec.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a task file: YAML with positions, validation, then the immutable {@link Task}s. Never
 * throws for bad content; every problem is a {@link Diagnostic}. A file of several documents is a
 * pipeline; its first document may hold only {@code name:}, the pipeline's name.
 */
public final class TaskLoader {
  private TaskLoader() {}

  public static LoadResult load(Path file, Catalog catalogOrNull) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return load(text, file.toString(), catalogOrNull);
  }

  public static LoadResult load(Path file) throws IOException {
    return load(file, Catalog.get());
  }

  public static LoadResult load(String text, String fileName, Catalog catalogOrNull) {
    return load(text, fileName, catalogOrNull, List.of());
  }

  /**
   * As above, with command-line {@code overrides} applied to every task document before it is
   * validated (an empty text is one empty task); see {@link FieldOverride}.
   */
  public static LoadResult load(String text, String fileName, Catalog catalogOrNull,
      List<FieldOverride> overrides) {
    YamlReader.Parsed parsed = YamlReader.read(text);
    List<Diagnostic> diags = new ArrayList<>(parsed.diagnostics());
    if (diags.stream().anyMatch(d -> d.code().equals("yaml-syntax"))) {
      return new LoadResult(List.of(), null, diags);
    }
    List<YNode> docs = new ArrayList<>();
    List<Integer> index = new ArrayList<>(); // each task's place among the file's documents
    for (int i = 0; i < parsed.documents().size(); i++) {
      YNode d = parsed.documents().get(i);
      if (!(d instanceof YNode.Scalar s && s.isNull())) {
        docs.add(d);
        index.add(i);
      }
    }
    boolean pipeline = parsed.documents().size() > 1;
    String pipelineName = null;
    if (docs.size() > 1 && docs.get(0) instanceof YNode.Mapping first && onlyName(first)) {
      pipelineName = first.get("name") instanceof YNode.Scalar n ? n.asString() : null;
      docs.remove(0);
      index.remove(0);
    }
    if (!overrides.isEmpty()) {
      if (docs.isEmpty()) {
        docs.add(new YNode.Mapping(List.of(), FieldOverride.RANGE));
        index.add(0);
      }
      docs.replaceAll(d -> OverrideTree.apply(d, overrides));
    }
    if (docs.isEmpty() || docs.stream().allMatch(TaskLoader::isEmptyTask)) {
      diags.add(Diagnostic.error("empty-task", "'" + fileName + "' is empty or contains no task"
          + " definition. Add at least a run: (or setup:) field, e.g. run: echo hello.",
          SourceRange.FILE_START, "$"));
      return new LoadResult(List.of(), pipelineName, diags);
    }
    for (int i = 0; i < docs.size(); i++) {
      for (Diagnostic d : Validator.validate(docs.get(i), catalogOrNull)) {
        diags.add(pipeline ? inDocument(d, index.get(i)) : d);
      }
    }
    if (diags.stream().anyMatch(Diagnostic::isError)) {
      return new LoadResult(List.of(), pipelineName, diags);
    }
    List<Task> tasks = new ArrayList<>();
    for (YNode doc : docs) {
      tasks.add(new TaskBuilder(catalogOrNull).build((YNode.Mapping) doc));
    }
    return new LoadResult(tasks, pipelineName, diags);
  }

  /** {@code $.resources} of the second document is {@code $[1].resources}. */
  private static Diagnostic inDocument(Diagnostic d, int doc) {
    String p = d.jsonPath() == null || !d.jsonPath().startsWith("$") ? "$" : d.jsonPath();
    return new Diagnostic(d.severity(), d.code(), d.message(), d.range(),
        "$[" + doc + "]" + p.substring(1), d.suggestions(), d.related());
  }

  private static boolean onlyName(YNode.Mapping m) {
    return m.entries().size() == 1 && m.get("name") != null;
  }

  private static boolean isEmptyTask(YNode doc) {
    return doc instanceof YNode.Mapping m && (m.entries().isEmpty() || onlyName(m));
  }
}
