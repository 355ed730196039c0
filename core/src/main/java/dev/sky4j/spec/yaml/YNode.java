package dev.sky4j.spec.yaml;

import dev.sky4j.spec.SourceRange;
import java.util.List;

/**
 * A YAML node with its place in the source. Only three shapes exist, so the validator can switch
 * over them exhaustively; scalars carry the type PyYAML would give them, because SkyPilot reads
 * task files with PyYAML (YAML 1.1: {@code yes} is a boolean, {@code 1e3} is a string).
 */
public sealed interface YNode permits YNode.Scalar, YNode.Mapping, YNode.Sequence {
  SourceRange range();

  /** What a user would call this value in an error message: "a string", "a list", ... */
  String describe();

  /** A scalar with its resolved kind and value (String, Long, Double, Boolean or null). */
  record Scalar(String text, ScalarKind kind, Object value, SourceRange range) implements YNode {
    public boolean isNull() {
      return kind == ScalarKind.NULL;
    }

    /** The value as a string, the way PyYAML + SkyPilot's str() coercion would print it. */
    public String asString() {
      return kind == ScalarKind.STRING ? text : value == null ? null : text;
    }

    @Override
    public String describe() {
      return kind.phrase();
    }
  }

  /** One {@code key: value} pair; the key is always a scalar. */
  record Entry(Scalar key, YNode value) {}

  /** A mapping in source order (duplicates already reported and dropped by the reader). */
  record Mapping(List<Entry> entries, SourceRange range) implements YNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public YNode get(String key) {
      for (Entry e : entries) {
        if (key.equals(e.key().text())) {
          return e.value();
        }
      }
      return null;
    }

    public Entry entry(String key) {
      for (Entry e : entries) {
        if (key.equals(e.key().text())) {
          return e;
        }
      }
      return null;
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Sequence(List<YNode> items, SourceRange range) implements YNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
