package dev.sky4j.spec;

import dev.sky4j.spec.yaml.ScalarKind;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@link FieldOverride}s to a parsed task document: the validator and the builder then
 * read the result as if the file had said it, with the flag's value typed as given.
 */
final class OverrideTree {
  private OverrideTree() {}

  static YNode apply(YNode doc, List<FieldOverride> overrides) {
    if (!(doc instanceof YNode.Mapping m)) {
      return doc; // the validator reports a document that is not a mapping
    }
    YNode.Mapping out = m;
    for (FieldOverride o : overrides) {
      out = set(out, o.path(), 0, o.value());
    }
    return out;
  }

  private static YNode.Mapping set(YNode.Mapping m, List<String> path, int i, Object value) {
    String key = path.get(i);
    boolean last = i == path.size() - 1;
    List<YNode.Entry> entries = new ArrayList<>(m.entries());
    int at = -1;
    for (int j = 0; j < entries.size(); j++) {
      if (entries.get(j).key().text().equals(key)) {
        at = j;
      }
    }
    if (last && value == FieldOverride.REMOVE) {
      if (at >= 0) {
        entries.remove(at);
      }
      return new YNode.Mapping(entries, m.range());
    }
    YNode child;
    if (last) {
      child = scalar(value);
    } else {
      YNode old = at >= 0 ? entries.get(at).value() : null;
      YNode.Mapping inner = old instanceof YNode.Mapping om ? om
          : new YNode.Mapping(List.of(), FieldOverride.RANGE);
      child = set(inner, path, i + 1, value);
    }
    YNode.Scalar k = at >= 0 ? entries.get(at).key() : string(key);
    if (at >= 0) {
      entries.set(at, new YNode.Entry(k, child));
    } else {
      entries.add(new YNode.Entry(k, child));
    }
    return new YNode.Mapping(entries, m.range());
  }

  private static YNode.Scalar scalar(Object v) {
    if (v instanceof String s) {
      return string(s);
    }
    if (v instanceof Boolean b) {
      return new YNode.Scalar(b.toString(), ScalarKind.BOOLEAN, b, FieldOverride.RANGE);
    }
    if (v instanceof Integer || v instanceof Long) {
      long l = ((Number) v).longValue();
      return new YNode.Scalar(Long.toString(l), ScalarKind.INTEGER, l, FieldOverride.RANGE);
    }
    throw new IllegalArgumentException("an override value is a string, an integer or a boolean, "
        + "found " + (v == null ? "null" : v.getClass().getSimpleName()));
  }

  private static YNode.Scalar string(String s) {
    return new YNode.Scalar(s, ScalarKind.STRING, s, FieldOverride.RANGE);
  }
}
