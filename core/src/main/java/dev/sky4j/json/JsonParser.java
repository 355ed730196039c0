package dev.sky4j.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one JSON value; errors name the character offset. */
final class JsonParser {
  private final String s;
  private int pos;

  private JsonParser(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    JsonParser p = new JsonParser(text);
    p.skipWs();
    Object v = p.value();
    p.skipWs();
    if (p.pos != text.length()) {
      throw new JsonException("unexpected text after JSON value at offset " + p.pos);
    }
    return v;
  }

  private void skipWs() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        pos++;
      } else {
        break;
      }
    }
  }

  private Object value() {
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
