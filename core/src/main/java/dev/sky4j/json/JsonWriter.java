package dev.sky4j.json;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Writes values as JSON, compact (the wire, state rows, files) or pretty (what people read). The
 * two differ only in layout and in how doubles are spelled; what is written is the same.
 */
final class JsonWriter {
  static final JsonWriter COMPACT = new JsonWriter(false);
  static final JsonWriter PRETTY = new JsonWriter(true);

  private final boolean pretty;

  private JsonWriter(boolean pretty) {
    this.pretty = pretty;
  }

  void write(Object v, StringBuilder sb) {
    write(v, sb, 0);
  }

  /** {@code depth}: how many objects enclose v (arrays print on one line, so they do not count). */
  private void write(Object v, StringBuilder sb, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(s, sb);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof Short || v instanceof Byte) {
      sb.append(v);
    } else if (v instanceof Number n) {
      number(n, sb);
    } else if (v instanceof Enum<?> e) {
      quote(e.name(), sb);
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> en : m.entrySet()) {
        first = field(String.valueOf(en.getKey()), en.getValue(), first, sb, depth);
      }
      endObject(first, sb, depth);
    } else if (v instanceof Collection<?> c) {
      sb.append('[');
      boolean first = true;
      for (Object o : c) {
        sb.append(first ? (pretty ? " " : "") : (pretty ? ", " : ","));
        first = false;
        write(o, sb, depth);
      }
      sb.append(pretty ? " ]" : "]");
    } else if (v instanceof Record r) {
      sb.append('{');
      boolean first = true;
      RecordShape shape = RecordShape.of(r.getClass());
      for (int i = 0; i < shape.names.length; i++) {
        Object val;
        try {
          val = shape.accessors[i].invoke(r);
        } catch (ReflectiveOperationException e) {
          throw new JsonException("cannot read " + shape.names[i] + ": " + e);
        }
        if (val != null) {
          first = field(shape.names[i], val, first, sb, depth);
        }
      }
      endObject(first, sb, depth);
    } else {
      quote(v.toString(), sb);
    }
  }

  private boolean field(String key, Object value, boolean first, StringBuilder sb, int depth) {
    if (!first) {
      sb.append(',');
    }
    newline(sb, depth + 1);
    quote(key, sb);
    sb.append(pretty ? " : " : ":");
    write(value, sb, depth + 1);
    return false;
  }

  private void endObject(boolean empty, StringBuilder sb, int depth) {
    if (empty) {
      sb.append(pretty ? " }" : "}");
      return;
    }
    newline(sb, depth);
    sb.append('}');
  }

  private void newline(StringBuilder sb, int depth) {
    if (pretty) {
      sb.append('\n').append("  ".repeat(depth));
    }
  }

  private void number(Number n, StringBuilder sb) {
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      sb.append(pretty ? "\"" + d + "\"" : "null");
    } else if (pretty) {
      sb.append(n instanceof Float f ? Float.toString(f) : n instanceof Double ? Double.toString(d) : n);
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      sb.append((long) d);
    } else {
      sb.append(d);
    }
  }

  static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
