package dev.sky4j.spec.validate;

import dev.sky4j.spec.Severity;
import dev.sky4j.spec.schema.Field;
import dev.sky4j.spec.schema.FieldType;
import dev.sky4j.spec.yaml.ScalarKind;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a document against the {@link dev.sky4j.spec.schema.FieldModel}: unknown fields (with
 * "did you mean"), types, enum values, numeric ranges, required keys and deprecated fields. The
 * value rules that need more words than a schema can give live in the rule classes.
 */
final class StructureCheck {
  private final Findings out;

  StructureCheck(Findings out) {
    this.out = out;
  }

  /** Checks the task document; empty top-level keys are allowed (SkyPilot drops them). */
  void checkTask(YNode doc, Field task) {
    check(doc, task, "$", true);
  }

  private void check(YNode node, Field f, String path, boolean topLevelChildren) {
    if (f.isAny()) {
      return;
    }
    FieldType actual = typeOf(node);
    if (!f.accepts(actual)) {
      out.error("wrong-type", wrongType(f, node, path), node, path);
      return;
    }
    if (node instanceof YNode.Mapping m) {
      checkMapping(m, f, path, topLevelChildren);
    } else if (node instanceof YNode.Sequence s && f.items() != null) {
      for (int i = 0; i < s.items().size(); i++) {
        check(s.items().get(i), f.items(), path + "[" + i + "]", false);
      }
    } else if (node instanceof YNode.Scalar sc) {
      checkScalar(sc, f, path);
    }
  }

  private void checkMapping(YNode.Mapping m, Field f, String path, boolean topLevelChildren) {
    for (YNode.Entry e : m.entries()) {
      String key = e.key().text();
      String childPath = path + "." + key;
      Field child = f.children().get(key);
      if (child != null) {
        if (child.deprecatedBy() != null) {
          deprecated(e, child, childPath);
        }
        if (topLevelChildren && e.value() instanceof YNode.Scalar s && s.isNull()) {
          continue;
        }
        check(e.value(), child, childPath, false);
      } else if (f.values() != null) {
        if (f.keyPattern() != null && !Pattern.matches(f.keyPattern(), key)) {
          out.error("envs".equals(f.name()) ? "invalid-env-name" : "invalid-key",
              "'" + key + "' is not a valid environment variable name in " + path
                  + ". Use letters, digits and _, not starting with a digit (e.g. "
                  + suggestEnvName(key) + ").", e.key(), childPath);
          continue;
        }
        check(e.value(), f.values(), childPath, false);
      } else {
        unknown(e, f, path, childPath);
      }
    }
    for (String r : f.required()) {
      if (m.get(r) == null) {
        out.error("missing-field", path + " needs a '" + r + "' field. Add " + r + ": ...", m, path);
      }
    }
  }

  private void unknown(YNode.Entry e, Field parent, String path, String childPath) {
    String key = e.key().text();
    if (key.equals("hooks") && path.startsWith("$.resources")) {
      out.errorWithFix("hooks-location", "Lifecycle hooks live under top-level config.hooks:, not"
          + " resources.hooks:. Move this block to config: {hooks: [...]}.", e.key(), childPath, null, null);
      return;
    }
    List<String> known = new ArrayList<>(parent.children().keySet());
    known.removeIf(k -> k.startsWith("_") && !key.startsWith("_"));
    String match = CloseMatch.best(key, known);
    String where = path.equals("$") ? "the task" : path;
    if (match != null) {
      out.add(Severity.ERROR, "unknown-field", "Unknown field '" + key + "' in " + where
          + ". Instead of '" + key + "', did you mean '" + match + "'?", e.key().range(), childPath,
          "Replace with '" + match + "'", match);
    } else {
      out.error("unknown-field", "Found unsupported field '" + key + "' in " + where + ". Known fields: "
          + String.join(", ", known) + ".", e.key(), childPath);
    }
  }

  private void deprecated(YNode.Entry e, Field child, String path) {
    // SkyPilot 0.14's schema rejects spot_recovery outright; say so, so nobody believes the file
    // is portable because sky4j reads it
    String msg = child.name().equals("spot_recovery")
        ? "'spot_recovery' was renamed to 'job_recovery' (same value). sky4j still reads it, but"
            + " SkyPilot 0.14 rejects this file (\"did you mean 'job_recovery'?\"). Rename it."
        : "'" + child.name() + "' is deprecated: use '" + child.deprecatedBy()
            + "' instead (same value). This file still works.";
    out.add(Severity.WARNING, "deprecated-field", msg, e.key().range(), path,
        "Rename to '" + child.deprecatedBy() + "'", child.deprecatedBy());
  }

  private void checkScalar(YNode.Scalar sc, Field f, String path) {
    if (sc.kind() == ScalarKind.STRING && !f.enumValues().isEmpty() && f.types().contains(FieldType.STRING)) {
      String v = sc.text();
      boolean ok = f.caseInsensitive()
          ? f.enumValues().stream().anyMatch(x -> x.equalsIgnoreCase(v))
          : f.enumValues().contains(v);
      if (!ok) {
        List<String> lowered = new ArrayList<>();
        f.enumValues().forEach(x -> lowered.add(f.caseInsensitive() ? x.toLowerCase(Locale.ROOT) : x));
        String m = CloseMatch.best(f.caseInsensitive() ? v.toLowerCase(Locale.ROOT) : v, lowered);
        if (m != null) {
          m = f.enumValues().get(lowered.indexOf(m)); // suggest the documented spelling
        }
        String msg = "'" + v + "' is not a valid " + f.name() + " (at " + path + "). Use one of: "
            + String.join(", ", f.enumValues()) + "." + (m == null ? "" : " Did you mean '" + m + "'?");
        out.add(Severity.ERROR, "invalid-value", msg, sc.range(), path,
            m == null ? null : "Replace with '" + m + "'", m);
      }
    }
    if (sc.value() instanceof Number n && (sc.kind() == ScalarKind.INTEGER || sc.kind() == ScalarKind.FLOAT)) {
      double v = n.doubleValue();
      if ((f.minimum() != null && v < f.minimum()) || (f.maximum() != null && v > f.maximum())) {
        String range = f.maximum() == null ? "at least " + fmt(f.minimum())
            : f.minimum() == null ? "at most " + fmt(f.maximum())
            : "between " + fmt(f.minimum()) + " and " + fmt(f.maximum());
        out.error("out-of-range", f.name() + " must be " + range + ", found " + sc.text() + " (at "
            + path + ").", sc, path);
      }
    }
  }

  static FieldType typeOf(YNode node) {
    if (node instanceof YNode.Mapping) {
      return FieldType.OBJECT;
    }
    if (node instanceof YNode.Sequence) {
      return FieldType.ARRAY;
    }
    return switch (((YNode.Scalar) node).kind()) {
      case STRING -> FieldType.STRING;
      case INTEGER -> FieldType.INTEGER;
      case FLOAT -> FieldType.NUMBER;
      case BOOLEAN -> FieldType.BOOLEAN;
      case NULL -> FieldType.NULL;
    };
  }

  private static String wrongType(Field f, YNode node, String path) {
    List<String> expected = new ArrayList<>();
    for (FieldType t : f.types()) {
      if (t != FieldType.NULL || f.types().size() == 1) {
        expected.add(t.phrase());
      }
    }
    String found = node.describe();
    if (node instanceof YNode.Scalar s && !s.isNull()) {
      found += " ('" + abbreviate(s.text()) + "')";
    }
    String hint = "";
    if (f.name().equals("run") || f.name().equals("setup")) {
      hint = " Use a block scalar: '" + f.name() + ": |' followed by indented lines.";
    } else if (node instanceof YNode.Scalar s && s.kind() == ScalarKind.STRING && f.accepts(FieldType.INTEGER)
        && f.types().size() == 1) {
      hint = " Write a bare number without quotes.";
    } else if (f.types().equals(java.util.EnumSet.of(FieldType.STRING)) && node instanceof YNode.Scalar) {
      hint = " Put the value in quotes if you meant text.";
    }
    return f.name() + " (at " + path + ") expected " + String.join(" or ", expected) + ", found "
        + found + "." + hint;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  private static String fmt(Double d) {
    return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
  }

  private static String suggestEnvName(String key) {
    String s = key.replaceAll("[^a-zA-Z0-9_]", "_");
    if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
      s = "_" + s;
    }
    return s;
  }
}
