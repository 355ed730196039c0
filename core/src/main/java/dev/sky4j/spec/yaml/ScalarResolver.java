package dev.sky4j.spec.yaml;

import java.util.regex.Pattern;

/**
 * Resolves plain scalars as PyYAML's SafeLoader does (YAML 1.1), so a file means here what it
 * means to SkyPilot: {@code on}/{@code yes} are booleans, {@code 0755} is octal, {@code 1e3} is
 * a string. Hand-rolled checks first; patterns only for the rare shapes.
 */
final class ScalarResolver {
  private ScalarResolver() {}

  private static final class Patterns {
    static final Pattern INT = Pattern.compile(
        "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    static final Pattern FLOAT = Pattern.compile(
        "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  }

  static YNode.Scalar resolve(String text, boolean plain, dev.sky4j.spec.SourceRange range) {
    if (!plain) {
      return new YNode.Scalar(text, ScalarKind.STRING, text, range);
    }
    switch (text) {
      case "": case "~": case "null": case "Null": case "NULL":
        return new YNode.Scalar(text, ScalarKind.NULL, null, range);
      case "yes": case "Yes": case "YES": case "true": case "True": case "TRUE":
      case "on": case "On": case "ON":
        return new YNode.Scalar(text, ScalarKind.BOOLEAN, Boolean.TRUE, range);
      case "no": case "No": case "NO": case "false": case "False": case "FALSE":
      case "off": case "Off": case "OFF":
        return new YNode.Scalar(text, ScalarKind.BOOLEAN, Boolean.FALSE, range);
      default:
        break;
    }
    char c = text.charAt(0);
    boolean numeric = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
    if (numeric) {
      if (isSimpleDecimal(text)) {
        Long v = parseLong(text, 10);
        if (v != null) {
          return new YNode.Scalar(text, ScalarKind.INTEGER, v, range);
        }
      }
      if (Patterns.INT.matcher(text).matches()) {
        Long v = parseYaml11Int(text);
        if (v != null) {
          return new YNode.Scalar(text, ScalarKind.INTEGER, v, range);
        }
      }
      if (Patterns.FLOAT.matcher(text).matches()) {
        return new YNode.Scalar(text, ScalarKind.FLOAT, parseFloat(text), range);
      }
    }
    return new YNode.Scalar(text, ScalarKind.STRING, text, range);
  }

  private static boolean isSimpleDecimal(String t) {
    int i = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
    if (i >= t.length() || (t.charAt(i) == '0' && t.length() > i + 1)) {
      return false;
    }
    for (; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Long parseLong(String t, int radix) {
    try {
      return Long.parseLong(t, radix);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long parseYaml11Int(String raw) {
    String t = raw.replace("_", "");
    int sign = 1;
    if (t.startsWith("-") || t.startsWith("+")) {
      sign = t.startsWith("-") ? -1 : 1;
      t = t.substring(1);
    }
    Long v;
    if (t.startsWith("0b")) {
      v = parseLong(t.substring(2), 2);
    } else if (t.startsWith("0x")) {
      v = parseLong(t.substring(2), 16);
    } else if (t.contains(":")) {
      long acc = 0;
      for (String part : t.split(":")) {
        Long p = parseLong(part, 10);
        if (p == null) {
          return null;
        }
        acc = acc * 60 + p;
      }
      v = acc;
    } else if (t.length() > 1 && t.startsWith("0")) {
      v = parseLong(t.substring(1), 8);
    } else {
      v = parseLong(t, 10);
    }
    return v == null ? null : sign * v;
  }

  private static double parseFloat(String raw) {
    String t = raw.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    if (t.endsWith(".inf")) {
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (t.endsWith(".nan")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
