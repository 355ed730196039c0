package dev.sky4j.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value (RFC 8259, strictly: text from the network is hostile until parsed).
 * Errors name the character offset. Nesting is capped at {@link #MAX_DEPTH} so a body such as
 * 100,000 {@code [} is a clear error rather than a stack overflow on a request thread.
 */
final class JsonParser {
  /**
   * Deeper than any document sky4j writes (a few levels) by far, and shallow enough for the
   * parser, the binder and the writer (all recursive) on the node agent's 256 KB thread stacks:
   * at 512 levels of objects the agent's handler thread overflowed.
   */
  static final int MAX_DEPTH = 128;

  private final String s;
  private int pos;
  private int depth;

  private JsonParser(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    JsonParser p = new JsonParser(text);
    p.skipWs();
    Object v = p.value();
    p.skipWs();
    if (p.pos != text.length()) {
      throw p.error("unexpected text after the JSON value", p.pos);
    }
    return v;
  }

  private JsonException error(String what, int at) {
    return new JsonException(what + " at offset " + at);
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
    char c = peek();
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
      throw error("unexpected character", pos);
    }
    pos += word.length();
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("JSON nested deeper than " + MAX_DEPTH + " levels", pos);
    }
  }

  private Map<String, Object> object() {
    enter();
    Map<String, Object> m = new LinkedHashMap<>();
    pos++;
    skipWs();
    if (peek() == '}') {
      pos++;
      depth--;
      return m;
    }
    while (true) {
      skipWs();
      if (peek() != '"') {
        throw error("expected a field name", pos);
      }
      String k = string();
      skipWs();
      if (peek() != ':') {
        throw error("expected ':'", pos);
      }
      pos++;
      skipWs();
      m.put(k, value());
      skipWs();
      char c = peek();
      pos++;
      if (c == '}') {
        depth--;
        return m;
      }
      if (c != ',') {
        throw error("expected ',' or '}'", pos - 1);
      }
    }
  }

  private List<Object> array() {
    enter();
    List<Object> l = new ArrayList<>();
    pos++;
    skipWs();
    if (peek() == ']') {
      pos++;
      depth--;
      return l;
    }
    while (true) {
      skipWs();
      l.add(value());
      skipWs();
      char c = peek();
      pos++;
      if (c == ']') {
        depth--;
        return l;
      }
      if (c != ',') {
        throw error("expected ',' or ']'", pos - 1);
      }
    }
  }

  private char peek() {
    if (pos >= s.length()) {
      throw error("unexpected end of JSON", pos);
    }
    return s.charAt(pos);
  }

  private String string() {
    int open = pos;
    pos++;
    StringBuilder sb = null;
    int start = pos;
    while (true) {
      if (pos >= s.length()) {
        throw error("unterminated string starting", open);
      }
      char c = s.charAt(pos);
      if (c == '"') {
        String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
        pos++;
        return out;
      }
      if (c < 0x20) {
        throw error("control character U+" + String.format("%04X", (int) c)
            + " inside a string (escape it)", pos);
      }
      if (Character.isSurrogate(c)) {
        checkPair(c, pos + 1 < s.length() ? s.charAt(pos + 1) : 0, pos);
        pos += 2;
        continue;
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(s, start, pos);
      if (pos + 1 >= s.length()) {
        throw error("unterminated string: it ends in a backslash", pos);
      }
      char e = s.charAt(pos + 1);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          char u = hex4(pos);
          if (Character.isSurrogate(u)) {
            boolean pairs = s.startsWith("\\u", pos + 6);
            checkPair(u, pairs ? hex4(pos + 6) : 0, pos);
            sb.append(u).append(hex4(pos + 6));
            pos += 6;
          } else {
            sb.append(u);
          }
          pos += 4;
        }
        default -> throw error("unknown escape '\\" + e + "'", pos);
      }
      pos += 2;
      start = pos;
    }
  }

  /** The char of the {@code \}{@code uXXXX} escape at {@code at}; exactly four hex digits. */
  private char hex4(int at) {
    if (at + 6 > s.length()) {
      throw error("short \\u escape (it needs four hex digits)", at);
    }
    int v = 0;
    for (int i = at + 2; i < at + 6; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0) {
        throw error("short \\u escape (it needs four hex digits)", at);
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  /** A UTF-16 surrogate is only valid as a high one followed by a low one. */
  private void checkPair(char first, char second, int at) {
    if (!Character.isHighSurrogate(first) || !Character.isLowSurrogate(second)) {
      throw error("lone surrogate U+" + String.format("%04X", (int) first)
          + " (not a valid Unicode character)", at);
    }
  }

  /** {@code -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?}, as the RFC has it. */
  private Object number() {
    int start = pos;
    if (pos < s.length() && s.charAt(pos) == '-') {
      pos++;
    }
    int intStart = pos;
    digits(start);
    if (s.charAt(intStart) == '0' && pos - intStart > 1) {
      throw error("bad number (leading zero)", start);
    }
    boolean fractional = false;
    if (pos < s.length() && s.charAt(pos) == '.') {
      pos++;
      digits(start);
      fractional = true;
    }
    if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      pos++;
      if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
        pos++;
      }
      digits(start);
      fractional = true;
    }
    String t = s.substring(start, pos);
    if (!fractional && t.length() <= 18) {
      return Long.parseLong(t);
    }
    if (!fractional) {
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException beyondLong) {
        // an integer past 2^63: kept as a double, as JavaScript would read it
      }
    }
    double d = Double.parseDouble(t);
    if (Double.isInfinite(d)) {
      throw error("number " + abbreviate(t) + " is out of range", start);
    }
    return d;
  }

  private void digits(int numberStart) {
    int from = pos;
    while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
      pos++;
    }
    if (pos == from) {
      throw error(numberStart == from ? "unexpected character" : "bad number", numberStart);
    }
  }

  private static String abbreviate(String t) {
    return t.length() > 24 ? t.substring(0, 20) + "..." : t;
  }
}
