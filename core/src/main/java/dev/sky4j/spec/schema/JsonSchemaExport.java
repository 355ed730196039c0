package dev.sky4j.spec.schema;

import dev.sky4j.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the {@link FieldModel} as a JSON Schema (draft-07) for editors (Red Hat
 * yaml-language-server, VS Code). Written by hand: core does not depend on a JSON library.
 * Unknown keys are rejected ({@code additionalProperties: false}) as SkyPilot does; value rules
 * that need better words than a schema can give (accelerator syntax, ports, infra) stay in the
 * validator.
 */
public final class JsonSchemaExport {
  private final StringBuilder out = new StringBuilder(64 * 1024);

  private JsonSchemaExport() {}

  public static String toJson() {
    JsonSchemaExport e = new JsonSchemaExport();
    e.root(FieldModel.root());
    return e.out.toString();
  }

  private void root(Field task) {
    out.append("{\n");
    out.append("  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n");
    out.append("  \"$id\": \"https://sky4j.dev/schemas/task.json\",\n");
    out.append("  \"title\": \"SkyPilot task (sky4j)\",\n");
    body(task, 1, true);
    out.append("\n}\n");
  }

  /** Writes the members of a schema object (without braces) at the given depth. */
  private void body(Field f, int depth, boolean isRoot) {
    List<String> members = new ArrayList<>();
    if (f.description() != null) {
      members.add(kv("description", str(f.description())));
    }
    if (f.types().size() < FieldType.values().length) {
      List<String> names = new ArrayList<>();
      f.types().forEach(t -> names.add(str(t.jsonName())));
      members.add(kv("type", names.size() == 1 ? names.get(0) : "[" + String.join(", ", names) + "]"));
    }
    if (f.deprecatedBy() != null) {
      members.add(kv("deprecationMessage", str("Deprecated: use " + f.deprecatedBy() + ".")));
    }
    if (!f.enumValues().isEmpty()) {
      boolean onlyStrings = f.types().stream().allMatch(t -> t == FieldType.STRING || t == FieldType.NULL);
      if (onlyStrings && !f.caseInsensitive()) {
        List<String> vs = new ArrayList<>();
        f.enumValues().forEach(v -> vs.add(str(v)));
        if (f.types().contains(FieldType.NULL)) {
          vs.add("null");
        }
        members.add(kv("enum", "[" + String.join(", ", vs) + "]"));
      } else {
        members.add(kv("pattern", str(enumPattern(f.enumValues(), f.caseInsensitive()))));
      }
    } else if (f.pattern() != null) {
      members.add(kv("pattern", str(f.pattern())));
    }
    if (f.minimum() != null) {
      members.add(kv("minimum", num(f.minimum())));
    }
    if (f.maximum() != null) {
      members.add(kv("maximum", num(f.maximum())));
    }
    if (f.types().contains(FieldType.OBJECT) && !f.isAny()) {
      if (!f.children().isEmpty()) {
        members.add(kv("properties", properties(f.children(), depth + 1, isRoot)));
      }
      if (f.keyPattern() != null) {
        members.add(kv("patternProperties",
            "{\n" + indent(depth + 2) + str(f.keyPattern()) + ": " + schema(f.values(), depth + 2, false)
                + "\n" + indent(depth + 1) + "}"));
        members.add(kv("additionalProperties", "false"));
      } else if (f.values() == null) {
        members.add(kv("additionalProperties", "false"));
      } else {
        members.add(kv("additionalProperties", schema(f.values(), depth + 1, false)));
      }
      if (!f.required().isEmpty()) {
        List<String> r = new ArrayList<>();
        f.required().forEach(x -> r.add(str(x)));
        members.add(kv("required", "[" + String.join(", ", r) + "]"));
      }
    }
    if (f.items() != null) {
      members.add(kv("items", schema(f.items(), depth + 1, false)));
    }
    for (int i = 0; i < members.size(); i++) {
      out.append(indent(depth)).append(members.get(i));
      if (i < members.size() - 1) {
        out.append(",\n");
      }
    }
  }

  private String properties(Map<String, Field> children, int depth, boolean parentIsRoot) {
    StringBuilder sb = new StringBuilder("{\n");
    int i = 0;
    for (Field c : children.values()) {
      sb.append(indent(depth + 1)).append(str(c.name())).append(": ")
          .append(schema(c, depth + 1, parentIsRoot));
      sb.append(++i < children.size() ? ",\n" : "\n");
    }
    return sb.append(indent(depth)).append("}").toString();
  }

  /**
   * One schema object. Top-level fields also accept null: SkyPilot drops empty top-level keys
   * ({@code resources:} with nothing under it) before validating.
   */
  private String schema(Field f, int depth, boolean nullable) {
    Field g = f;
    if (nullable && !f.types().contains(FieldType.NULL)) {
      java.util.EnumSet<FieldType> types = java.util.EnumSet.copyOf(f.types());
      types.add(FieldType.NULL);
      g = copyWithNull(f, Field.of(f.name(), f.description(), types.toArray(new FieldType[0])));
    }
    JsonSchemaExport nested = new JsonSchemaExport();
    nested.body(g, depth + 1, false);
    return "{\n" + nested.out + "\n" + indent(depth) + "}";
  }

  private static Field copyWithNull(Field f, Field.Builder b) {
    b.children(new ArrayList<>(f.children().values()));
    if (f.values() != null) {
      b.values(f.values());
    }
    if (f.keyPattern() != null) {
      b.keyPattern(f.keyPattern());
    }
    if (f.items() != null) {
      b.items(f.items());
    }
    if (!f.enumValues().isEmpty()) {
      b.enumOf(f.enumValues());
    }
    if (f.caseInsensitive()) {
      b.caseInsensitive();
    }
    if (f.pattern() != null) {
      b.pattern(f.pattern());
    }
    if (f.minimum() != null) {
      b.min(f.minimum());
    }
    if (f.maximum() != null) {
      b.max(f.maximum());
    }
    b.required(f.required().toArray(new String[0]));
    if (f.deprecatedBy() != null) {
      b.deprecatedBy(f.deprecatedBy());
    }
    return b.build();
  }

  /** ^(aws|gcp)$, or with [aA][wW][sS] letter classes when case does not matter (no (?i) in ECMA 262). */
  static String enumPattern(List<String> values, boolean caseInsensitive) {
    List<String> alts = new ArrayList<>();
    for (String v : values) {
      StringBuilder sb = new StringBuilder();
      for (char c : v.toCharArray()) {
        char lo = Character.toLowerCase(c);
        char up = Character.toUpperCase(c);
        if (caseInsensitive && lo != up) {
          sb.append('[').append(lo).append(up).append(']');
        } else if ("\\^$.|?*+()[]{}-".indexOf(c) >= 0) {
          sb.append('\\').append(c);
        } else {
          sb.append(c);
        }
      }
      alts.add(sb.toString());
    }
    return "^(" + String.join("|", alts) + ")$";
  }

  private static String kv(String k, String v) {
    return str(k) + ": " + v;
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String indent(int depth) {
    return "  ".repeat(depth);
  }

  private static String str(String s) {
    return Json.quote(s);
  }
}
