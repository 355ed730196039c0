package dev.sky4j.json;

import java.util.Locale;

/**
 * JSON string literals, written by hand because core has no JSON library (it starts inside
 * {@code sky validate}, where loading one would cost more than validating the file). The one
 * place core escapes text for JSON: diagnostics output and the JSON schema both use it.
 */
public final class JsonText {
  private JsonText() {}

  /** {@code "text"} with quotes, backslashes and control characters escaped; {@code null} for null. */
  public static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(s.length() + 2);
    appendQuoted(sb, s);
    return sb.toString();
  }

  /** Appends {@code s} as a JSON string literal (s must not be null). */
  public static void appendQuoted(StringBuilder sb, String s) {
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
