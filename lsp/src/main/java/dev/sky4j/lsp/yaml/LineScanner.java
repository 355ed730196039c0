package dev.sky4j.lsp.yaml;

/** Classifies raw lines into {@link YamlLine}s: indentation, list dash, key and value spans. */
public final class LineScanner {
  private LineScanner() {}

  public static YamlLine scan(int number, String text) {
    int indent = 0;
    while (indent < text.length() && text.charAt(indent) == ' ') {
      indent++;
    }
    if (indent == text.length() || text.substring(indent).isBlank()) {
      return new YamlLine(number, text, YamlLine.Kind.BLANK, indent, -1, indent, null, -1, -1, null, -1);
    }
    if (text.charAt(indent) == '#') {
      return new YamlLine(number, text, YamlLine.Kind.COMMENT, indent, -1, indent, null, -1, -1, null, -1);
    }
    if (indent == 0 && (text.startsWith("---") || text.startsWith("..."))
        && (text.length() == 3 || Character.isWhitespace(text.charAt(3)))) {
      return new YamlLine(number, text, YamlLine.Kind.DOCUMENT_MARKER, 0, -1, 0, null, -1, -1, null, -1);
    }
    int dash = -1;
    int content = indent;
    if (text.charAt(indent) == '-' && (indent + 1 == text.length() || text.charAt(indent + 1) == ' ')) {
      dash = indent;
      content = indent + 1;
      while (content < text.length() && text.charAt(content) == ' ') {
        content++;
      }
    }
    int colon = keyColon(text, content);
    if (colon < 0) {
      String v = stripComment(text.substring(content)).trim();
      return new YamlLine(number, text, YamlLine.Kind.CONTENT, indent, dash, content, null, -1, -1,
          v, content);
    }
    int keyEnd = colon;
    while (keyEnd > content && text.charAt(keyEnd - 1) == ' ') {
      keyEnd--;
    }
    String key = unquote(text.substring(content, keyEnd));
    int valueStart = colon + 1;
    while (valueStart < text.length() && text.charAt(valueStart) == ' ') {
      valueStart++;
    }
    String value = stripComment(text.substring(valueStart)).trim();
    return new YamlLine(number, text, YamlLine.Kind.CONTENT, indent, dash, content, key, content,
        keyEnd, value, valueStart);
  }

  /** Index of the colon that ends a mapping key starting at {@code from}, or -1. */
  static int keyColon(String text, int from) {
    if (from >= text.length()) {
      return -1;
    }
    char first = text.charAt(from);
    if (first == '"' || first == '\'') {
      int close = text.indexOf(first, from + 1);
      if (close < 0) {
        return -1;
      }
      int i = close + 1;
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      return i < text.length() && text.charAt(i) == ':' && followsSpace(text, i) ? i : -1;
    }
    if (first == '[' || first == '{' || first == '#' || first == '|' || first == '>') {
      return -1;
    }
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '#' && i > from && text.charAt(i - 1) == ' ') {
        return -1;
      }
      if (c == ':' && followsSpace(text, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean followsSpace(String text, int colon) {
    return colon + 1 == text.length() || text.charAt(colon + 1) == ' ' || text.charAt(colon + 1) == '\t';
  }

  static String stripComment(String s) {
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        if (i == 0 || s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '[' || s.charAt(i - 1) == ',') {
          quote = c;
        }
      } else if (c == '#' && (i == 0 || s.charAt(i - 1) == ' ')) {
        return s.substring(0, i);
      }
    }
    return s;
  }

  static String unquote(String s) {
    if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
