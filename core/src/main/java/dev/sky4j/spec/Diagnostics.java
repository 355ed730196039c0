package dev.sky4j.spec;

import dev.sky4j.json.Json;
import java.util.List;
import java.util.Locale;

/**
 * Prints diagnostics for people (rustc-like: {@code file:line:col: error[code]: message}, the
 * source line, a caret underline and {@code = help:} lines) and for tools (JSON objects with
 * 1-based lines and columns).
 */
public final class Diagnostics {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String BLUE = "\u001b[34m";

  private Diagnostics() {}

  public static String formatText(String file, String source, List<Diagnostic> diags, boolean color) {
    String[] lines = source == null ? new String[0] : source.split("\r?\n", -1);
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : diags) {
      format(sb, file, lines, d, color);
    }
    return sb.toString();
  }

  private static void format(StringBuilder sb, String file, String[] lines, Diagnostic d, boolean color) {
    SourceRange r = d.range();
    String sev = d.severity().name().toLowerCase(Locale.ROOT);
    String sevColor = switch (d.severity()) {
      case ERROR -> "\u001b[31m";
      case WARNING -> "\u001b[33m";
      case INFO -> "\u001b[36m";
    };
    sb.append(paint(color, BOLD, file + ":" + r.startLine() + ":" + r.startColumn() + ":")).append(' ')
        .append(paint(color, BOLD + sevColor, sev + "[" + d.code() + "]")).append(": ")
        .append(d.message()).append('\n');
    if (r.startLine() >= 1 && r.startLine() <= lines.length) {
      String line = lines[r.startLine() - 1];
      String num = Integer.toString(r.startLine());
      String pad = " ".repeat(num.length());
      sb.append(paint(color, BLUE, pad + " |")).append('\n');
      sb.append(paint(color, BLUE, num + " |")).append(' ').append(line.replace('\t', ' ')).append('\n');
      int len = line.codePointCount(0, line.length());
      int start = Math.max(1, Math.min(r.startColumn(), len + 1));
      int end = r.endLine() == r.startLine() ? Math.min(r.endColumn(), len + 1) : len + 1;
      int width = Math.max(1, end - start);
      sb.append(paint(color, BLUE, pad + " |")).append(' ').append(" ".repeat(start - 1))
          .append(paint(color, BOLD + sevColor, "^".repeat(width))).append('\n');
      for (Suggestion s : d.suggestions()) {
        sb.append(pad).append(' ').append(paint(color, BOLD, "= help:")).append(' ')
            .append(s.title().substring(0, 1).toLowerCase(Locale.ROOT)).append(s.title().substring(1))
            .append('\n');
      }
      for (SourceRange rel : d.related()) {
        sb.append(pad).append(' ').append(paint(color, BOLD, "= note:")).append(" see ").append(file)
            .append(':').append(rel.startLine()).append(':').append(rel.startColumn()).append('\n');
      }
    }
    sb.append('\n');
  }

  private static String paint(boolean color, String code, String text) {
    return color ? code + text + RESET : text;
  }

  /** One diagnostic as a JSON object (file, severity, code, message, path, range, suggestions). */
  public static String toJson(String file, Diagnostic d) {
    StringBuilder sb = new StringBuilder("{");
    sb.append("\"file\":").append(str(file))
        .append(",\"severity\":").append(str(d.severity().name().toLowerCase(Locale.ROOT)))
        .append(",\"code\":").append(str(d.code()))
        .append(",\"message\":").append(str(d.message()))
        .append(",\"path\":").append(str(d.jsonPath()))
        .append(",\"line\":").append(d.range().startLine())
        .append(",\"column\":").append(d.range().startColumn())
        .append(",\"range\":").append(range(d.range()))
        .append(",\"suggestions\":[");
    for (int i = 0; i < d.suggestions().size(); i++) {
      Suggestion s = d.suggestions().get(i);
      sb.append(i == 0 ? "" : ",").append("{\"title\":").append(str(s.title()))
          .append(",\"replacement\":").append(str(s.replacement()))
          .append(",\"range\":").append(range(s.range())).append('}');
    }
    sb.append("],\"related\":[");
    for (int i = 0; i < d.related().size(); i++) {
      sb.append(i == 0 ? "" : ",").append(range(d.related().get(i)));
    }
    return sb.append("]}").toString();
  }

  private static String range(SourceRange r) {
    return "{\"startLine\":" + r.startLine() + ",\"startColumn\":" + r.startColumn()
        + ",\"endLine\":" + r.endLine() + ",\"endColumn\":" + r.endColumn() + "}";
  }

  private static String str(String s) {
    return Json.quote(s);
  }
}
