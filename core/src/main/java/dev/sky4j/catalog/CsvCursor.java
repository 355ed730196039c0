package dev.sky4j.catalog;

import java.util.HashMap;
import java.util.Map;

/**
 * A forward-only reader over one CSV text held in memory. Fields are kept as offsets so numbers
 * parse without allocating; strings are interned per cursor because region, zone and instance
 * names repeat thousands of times. Handles RFC 4180 quoting ({@code "Czechia, CZ, EU"}, {@code
 * ""} escapes) and CRLF line ends.
 */
final class CsvCursor {
  private static final double[] POW10 = {
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
    1e18
  };

  private final String text;
  private final String name;
  private final int[] starts = new int[64];
  private final int[] ends = new int[64];
  private final boolean[] quoted = new boolean[64];
  private final Map<String, String> interned = new HashMap<>();
  private int pos;
  private int fields;
  private int line;

  CsvCursor(String text, String name) {
    this.text = text;
    this.name = name;
  }

  /** Advances to the next non-blank row; false at the end of the text. */
  boolean next() {
    int n = text.length();
    while (pos < n) {
      line++;
      fields = 0;
      int fieldStart = pos;
      boolean inQuotes = false;
      boolean wasQuoted = false;
      int i = pos;
      for (; i < n; i++) {
        char c = text.charAt(i);
        if (inQuotes) {
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              i++;
            } else {
              inQuotes = false;
            }
          }
        } else if (c == '"' && i == fieldStart) {
          inQuotes = true;
          wasQuoted = true;
        } else if (c == ',') {
          add(fieldStart, i, wasQuoted);
          fieldStart = i + 1;
          wasQuoted = false;
        } else if (c == '\n' || c == '\r') {
          break;
        }
      }
      add(fieldStart, i, wasQuoted);
      // skip the line end (CRLF counts once)
      if (i < n && text.charAt(i) == '\r') {
        i++;
      }
      if (i < n && text.charAt(i) == '\n') {
        i++;
      }
      pos = i;
      if (!(fields == 1 && ends[0] == starts[0])) {
        return true;
      }
    }
    return false;
  }

  private void add(int start, int end, boolean q) {
    if (fields == starts.length) {
      throw new IllegalStateException(where() + ": more than " + starts.length + " columns");
    }
    starts[fields] = start;
    ends[fields] = end;
    quoted[fields] = q;
    fields++;
  }

  int fieldCount() {
    return fields;
  }

  int line() {
    return line;
  }

  String where() {
    return name + " line " + line;
  }

  boolean isEmpty(int col) {
    return col >= fields || ends[col] == starts[col];
  }

  /** The field's text, interned; null when empty or missing. */
  String str(int col) {
    if (isEmpty(col)) {
      return null;
    }
    String s;
    if (quoted[col]) {
      s = text.substring(starts[col] + 1, ends[col] - 1).replace("\"\"", "\"");
    } else {
      s = text.substring(starts[col], ends[col]);
    }
    String known = interned.putIfAbsent(s, s);
    return known == null ? s : known;
  }

  /**
   * The field as a number, NaN when empty. Plain decimals are parsed by hand (an exact long
   * divided by an exact power of ten is correctly rounded); anything else falls back to the JDK.
   */
  double num(int col) {
    if (isEmpty(col)) {
      return Double.NaN;
    }
    int s = starts[col];
    int e = ends[col];
    if (quoted[col]) {
      s++;
      e--;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    boolean negative = false;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        if (++digits > 17) {
          return slow(s, e);
        }
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else if (c == '-' && i == s) {
        negative = true;
      } else {
        return slow(s, e);
      }
    }
    if (digits == 0) {
      return slow(s, e);
    }
    double v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
    return negative ? -v : v;
  }

  private double slow(int s, int e) {
    String raw = text.substring(s, e).trim();
    try {
      return Double.parseDouble(raw);
    } catch (NumberFormatException ex) {
      throw new CatalogException(where() + ": '" + raw + "' is not a number");
    }
  }
}
