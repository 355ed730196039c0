package dev.sky4j.client.json;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer. The CLI must start in tens of milliseconds, so it cannot afford
 * Jackson's class loading; this codec handles what the API exchanges: objects, arrays, strings,
 * numbers, booleans, null, and records (written by component name, null components left out).
 * Parsed objects are {@link LinkedHashMap}s, arrays {@link ArrayList}s, integral numbers {@link
 * Long}s and other numbers {@link Double}s. {@link RecordBinder} turns them into records.
 */
public final class Json {
  private Json() {}

  /** Parses one JSON value; throws {@link JsonException} with the offset on malformed text. */
  public static Object parse(String text) {
    Parser p = new Parser(text);
    p.skipWs();
    Object v = p.value();
    p.skipWs();
    if (p.pos != text.length()) {
      throw new JsonException("unexpected text after JSON value at offset " + p.pos);
    }
    return v;
  }

  /** Parses text and binds it to {@code type} (a record, list, map or scalar class). */
  public static <T> T read(String text, Class<T> type) {
    return type.cast(RecordBinder.bind(parse(text), type));
  }

  public static String write(Object value) {
    StringBuilder sb = new StringBuilder(128);
    write(value, sb);
    return sb.toString();
  }

  public static void write(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(s, sb);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof Short || v instanceof Byte) {
      sb.append(v);
    } else if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        sb.append("null");
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        sb.append((long) d);
      } else {
        sb.append(d);
      }
    } else if (v instanceof Enum<?> e) {
      quote(e.name(), sb);
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> en : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(String.valueOf(en.getKey()), sb);
        sb.append(':');
        write(en.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof Collection<?> c) {
      sb.append('[');
      boolean first = true;
      for (Object o : c) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(o, sb);
      }
      sb.append(']');
    } else if (v instanceof Record r) {
      sb.append('{');
      boolean first = true;
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        Object val;
        try {
          val = rc.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
          throw new JsonException("cannot read " + rc.getName() + ": " + e);
        }
        if (val == null) {
          continue;
        }
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(rc.getName(), sb);
        sb.append(':');
        write(val, sb);
      }
      sb.append('}');
    } else {
      quote(v.toString(), sb);
    }
  }

  public static void quote(String s, StringBuilder sb) {
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
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    void skipWs() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
          pos++;
        } else {
          break;
        }
      }
    }

    Object value() {
      if (pos >= s.length()) {
        throw new JsonException("unexpected end of JSON");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          expect("true");
          return Boolean.TRUE;
        case 'f':
          expect("false");
          return Boolean.FALSE;
        case 'n':
          expect("null");
          return null;
        default:
          return number();
      }
    }

    private void expect(String word) {
      if (!s.startsWith(word, pos)) {
        throw new JsonException("unexpected character at offset " + pos);
      }
      pos += word.length();
    }

    private Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      pos++;
      skipWs();
      if (peek() == '}') {
        pos++;
        return m;
      }
      while (true) {
        skipWs();
        if (peek() != '"') {
          throw new JsonException("expected a field name at offset " + pos);
        }
        String k = string();
        skipWs();
        if (peek() != ':') {
          throw new JsonException("expected ':' at offset " + pos);
        }
        pos++;
        skipWs();
        m.put(k, value());
        skipWs();
        char c = peek();
        pos++;
        if (c == '}') {
          return m;
        }
        if (c != ',') {
          throw new JsonException("expected ',' or '}' at offset " + (pos - 1));
        }
      }
    }

    private List<Object> array() {
      List<Object> l = new ArrayList<>();
      pos++;
      skipWs();
      if (peek() == ']') {
        pos++;
        return l;
      }
      while (true) {
        skipWs();
        l.add(value());
        skipWs();
        char c = peek();
        pos++;
        if (c == ']') {
          return l;
        }
        if (c != ',') {
          throw new JsonException("expected ',' or ']' at offset " + (pos - 1));
        }
      }
    }

    private char peek() {
      if (pos >= s.length()) {
        throw new JsonException("unexpected end of JSON");
      }
      return s.charAt(pos);
    }

    private String string() {
      pos++;
      StringBuilder sb = null;
      int start = pos;
      while (true) {
        if (pos >= s.length()) {
          throw new JsonException("unterminated string starting at offset " + (start - 1));
        }
        char c = s.charAt(pos);
        if (c == '"') {
          String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
          pos++;
          return out;
        }
        if (c == '\\') {
          if (sb == null) {
            sb = new StringBuilder();
          }
          sb.append(s, start, pos);
          char e = s.charAt(pos + 1);
          pos += 2;
          switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'u' -> {
              sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
              pos += 4;
            }
            default -> sb.append(e);
          }
          start = pos;
        } else {
          pos++;
        }
      }
    }

    private Object number() {
      int start = pos;
      boolean fractional = false;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+') {
          pos++;
        } else if (c == '.' || c == 'e' || c == 'E') {
          fractional = true;
          pos++;
        } else {
          break;
        }
      }
      String t = s.substring(start, pos);
      if (t.isEmpty()) {
        throw new JsonException("unexpected character at offset " + start);
      }
      try {
        return fractional ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t);
      } catch (NumberFormatException e) {
        try {
          return Double.parseDouble(t);
        } catch (NumberFormatException e2) {
          throw new JsonException("bad number '" + t + "' at offset " + start);
        }
      }
    }
  }
}
