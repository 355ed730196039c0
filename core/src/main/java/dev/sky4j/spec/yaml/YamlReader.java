package dev.sky4j.spec.yaml;

import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Severity;
import dev.sky4j.spec.SourceRange;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads YAML text into positioned {@link YNode} documents. Never throws: syntax errors, duplicate
 * keys, non-text keys and alias loops become diagnostics. Duplicate keys are an error (as in
 * SkyPilot) that names both lines; the later value is dropped so validation sees the first.
 */
public final class YamlReader {
  private static final int MAX_DEPTH = 200;

  /** The documents of one file (an empty file has none) and what was wrong with its syntax. */
  public record Parsed(List<YNode> documents, List<Diagnostic> diagnostics) {
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<Node, YNode> done = new IdentityHashMap<>();
  private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();

  private YamlReader() {}

  public static Parsed read(String text) {
    return new YamlReader().readAll(text);
  }

  private Parsed readAll(String text) {
    LoadSettings settings = LoadSettings.builder().setUseMarks(true).setLabel("task").build();
    List<YNode> docs = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    try {
      for (Node n : new Compose(settings).composeAllFromString(text)) {
        nodes.add(n);
      }
      // a pipeline's paths say which document: $[1].resources (see Pipelines in docs/task-yaml.md)
      for (int i = 0; i < nodes.size(); i++) {
        docs.add(convert(nodes.get(i), 0, nodes.size() > 1 ? "$[" + i + "]" : "$"));
      }
    } catch (MarkedYamlEngineException e) {
      diagnostics.add(syntaxError(e));
    } catch (RuntimeException e) {
      // the engine reports a few problems (limits, bad tags) without a mark
      diagnostics.add(Diagnostic.error("yaml-syntax",
          "This is not valid YAML: " + firstLine(e.getMessage()) + ". Fix the YAML syntax first.",
          SourceRange.FILE_START, "$"));
    } catch (StackOverflowError e) {
      diagnostics.add(Diagnostic.error("yaml-syntax",
          "The YAML nests too deeply to read. Flatten the structure.", SourceRange.FILE_START, "$"));
    }
    return new Parsed(List.copyOf(docs), List.copyOf(diagnostics));
  }

  private static Diagnostic syntaxError(MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
    SourceRange at = mark.map(m -> SourceRange.point(m.getLine() + 1, m.getColumn() + 1))
        .orElse(SourceRange.FILE_START);
    at = new SourceRange(at.startLine(), at.startColumn(), at.endLine(), at.endColumn() + 1);
    String problem = e.getProblem() == null ? "unreadable YAML" : e.getProblem();
    if (problem.contains("(TAB)") || problem.contains("'\\t'")) {
      return Diagnostic.error("yaml-syntax", "YAML syntax error: a tab character here. YAML does"
          + " not allow tabs for indentation: use spaces.", at, "$");
    }
    StringBuilder msg = new StringBuilder("YAML syntax error: ").append(problem);
    if (e.getContext() != null && !e.getContext().isBlank()) {
      msg.append(" (").append(e.getContext()).append(")");
    }
    msg.append(". ").append(hint(problem));
    return Diagnostic.error("yaml-syntax", msg.toString(), at, "$");
  }

  private static String hint(String problem) {
    if (problem.contains("'\\t'")) {
      return "YAML does not allow tabs for indentation: use spaces.";
    }
    if (problem.contains("mapping values are not allowed")) {
      return "Check the indentation, or quote a value that contains ': '.";
    }
    if (problem.contains("found undefined alias")) {
      return "Define the anchor (&name) before using it (*name).";
    }
    return "Check the indentation and quoting near here.";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown problem";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static SourceRange rangeOf(Node n) {
    Mark s = n.getStartMark().orElse(null);
    Mark e = n.getEndMark().orElse(null);
    if (s == null) {
      return SourceRange.FILE_START;
    }
    if (e == null) {
      e = s;
    }
    return new SourceRange(s.getLine() + 1, s.getColumn() + 1, e.getLine() + 1, e.getColumn() + 1);
  }

  /** {@code path}: where the node is, for the diagnostics found while reading it. */
  private YNode convert(Node n, int depth, String path) {
    YNode cached = done.get(n);
    if (cached != null) {
      return cached; // an alias of an already-read anchor
    }
    SourceRange range = rangeOf(n);
    if (depth > MAX_DEPTH || inProgress.containsKey(n)) {
      diagnostics.add(Diagnostic.error("yaml-syntax",
          "This YAML refers to itself (an alias inside its own anchor) or nests too deeply."
              + " Remove the recursive alias.", range, path));
      return new YNode.Scalar("", ScalarKind.NULL, null, range);
    }
    inProgress.put(n, Boolean.TRUE);
    YNode out;
    if (n instanceof ScalarNode s) {
      out = ScalarResolver.resolve(s.getValue(), s.isPlain(), range);
    } else if (n instanceof SequenceNode seq) {
      List<YNode> items = new ArrayList<>(seq.getValue().size());
      for (Node item : seq.getValue()) {
        items.add(convert(item, depth + 1, path + "[" + items.size() + "]"));
      }
      out = new YNode.Sequence(items, range);
    } else {
      out = convertMapping((MappingNode) n, range, depth, path);
    }
    inProgress.remove(n);
    done.put(n, out);
    return out;
  }

  private YNode convertMapping(MappingNode m, SourceRange range, int depth, String path) {
    List<YNode.Entry> entries = new ArrayList<>(m.getValue().size());
    List<YNode.Entry> merged = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      YNode key = convert(t.getKeyNode(), depth + 1, path);
      String childPath = key instanceof YNode.Scalar k ? path + "." + k.text() : path;
      YNode value = convert(t.getValueNode(), depth + 1, childPath);
      if (!(key instanceof YNode.Scalar k)) {
        diagnostics.add(Diagnostic.error("yaml-syntax",
            "A key must be plain text, not " + key.describe() + ". Write the key as a word.",
            key.range(), path));
        continue;
      }
      if (k.kind() == ScalarKind.STRING && "<<".equals(k.text())
          && t.getKeyNode() instanceof ScalarNode sk && sk.isPlain()) {
        collectMerge(value, merged, path);
        continue;
      }
      YNode.Entry first = find(entries, k.text());
      if (first != null) {
        diagnostics.add(duplicate(k, first.key(), childPath));
        continue;
      }
      entries.add(new YNode.Entry(k, value));
    }
    for (YNode.Entry e : merged) {
      if (find(entries, e.key().text()) == null) {
        entries.add(e);
      }
    }
    return new YNode.Mapping(entries, range);
  }

  /** {@code <<: *defaults} (PyYAML honours merge keys, so SkyPilot files may use them). */
  private void collectMerge(YNode value, List<YNode.Entry> into, String path) {
    if (value instanceof YNode.Mapping mm) {
      for (YNode.Entry e : mm.entries()) {
        if (find(into, e.key().text()) == null) {
          into.add(e);
        }
      }
    } else if (value instanceof YNode.Sequence seq) {
      seq.items().forEach(i -> collectMerge(i, into, path));
    } else {
      diagnostics.add(Diagnostic.error("yaml-syntax",
          "A merge key (<<) needs a mapping or a list of mappings, found " + value.describe()
              + ". Point it at an anchored mapping (<<: *name).", value.range(), path + ".<<"));
    }
  }

  private static YNode.Entry find(List<YNode.Entry> entries, String key) {
    for (YNode.Entry e : entries) {
      if (e.key().text().equals(key)) {
        return e;
      }
    }
    return null;
  }

  private static Diagnostic duplicate(YNode.Scalar again, YNode.Scalar first, String path) {
    String msg = "Duplicate key '" + again.text() + "' at line " + again.range().startLine()
        + " (first defined at line " + first.range().startLine()
        + "). YAML keeps only one of them: remove or rename one.";
    return new Diagnostic(Severity.ERROR, "duplicate-key", msg, again.range(), path,
        List.of(), List.of(first.range()));
  }

}
