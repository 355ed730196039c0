package dev.sky4j.spec;

/**
 * A span in the YAML source. Lines and columns are 1-based and count Unicode code points, as an
 * editor's status bar does; the language server converts them to UTF-16 for LSP. The end is
 * exclusive (the column just after the last character).
 */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn) {
  public static final SourceRange FILE_START = new SourceRange(1, 1, 1, 1);

  public static SourceRange point(int line, int column) {
    return new SourceRange(line, column, line, column);
  }
}
