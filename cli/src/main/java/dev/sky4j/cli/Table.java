package dev.sky4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table in SkyPilot's style: a header row of upper-case names, columns left-aligned
 * and two spaces apart, no borders, no trailing blanks. Null cells print as {@code -}.
 */
public final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  public Table(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  /** Adds a row; it must have one cell per header. */
  public Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, table has " + headers.size() + " columns");
    }
    List<String> r = new ArrayList<>(cells.length);
    for (Object c : cells) {
      r.add(c == null ? "-" : c.toString());
    }
    rows.add(r);
    return this;
  }

  public Table row(List<?> cells) {
    return row(cells.toArray());
  }

  public int size() {
    return rows.size();
  }

  /** The table, one line per row, each ending with a newline. */
  public String render() {
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, headers, width);
    for (List<String> r : rows) {
      line(sb, r, width);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    int start = sb.length();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      sb.append(c);
      if (i < cells.size() - 1) {
        sb.append(" ".repeat(width[i] - c.length() + 2));
      }
    }
    // a blank last cell must not leave trailing spaces behind
    int end = sb.length();
    while (end > start && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    sb.append('\n');
  }

  @Override
  public String toString() {
    return render();
  }
}
