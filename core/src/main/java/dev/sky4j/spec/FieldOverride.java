package dev.sky4j.spec;

import java.util.List;

/**
 * A task field given on the command line ({@code --gpus A100:8} sets {@code resources.accelerators},
 * {@code --env A=yes} sets {@code envs.A}). It replaces the parsed YAML node itself, never YAML
 * text, so a {@link String} value stays the exact string typed: {@code yes}, {@code 0755} and
 * {@code 12:30} are not read as a boolean or a number. {@code value} is a String, Long, Integer,
 * Boolean or {@link #REMOVE}. Nodes made from overrides sit at {@link #RANGE} (line 0: not in
 * the file), so a finding about one can name its {@code flag} instead of a line.
 */
public record FieldOverride(String flag, List<String> path, Object value) {
  /** Drops the field ({@code --gpus none}). */
  public static final Object REMOVE = new Object() {
    @Override
    public String toString() {
      return "<remove>";
    }
  };

  /** Where a node made from the command line "is": line 0, column 0. */
  public static final SourceRange RANGE = new SourceRange(0, 0, 0, 0);

  public FieldOverride {
    path = List.copyOf(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("an override needs a field path");
    }
  }

  /** The field's JSON path as diagnostics write it, e.g. {@code $.resources.accelerators}. */
  public String jsonPath() {
    return "$." + String.join(".", path);
  }

  /** Whether a finding at {@code diag} is about this override's value (or something below it). */
  public boolean covers(Diagnostic diag) {
    String p = diag.jsonPath();
    String mine = jsonPath();
    return diag.range().startLine() == 0 && p != null && (p.equals(mine)
        || p.startsWith(mine) && (p.charAt(mine.length()) == '.' || p.charAt(mine.length()) == '['));
  }
}
