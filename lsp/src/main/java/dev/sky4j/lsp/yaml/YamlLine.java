package dev.sky4j.lsp.yaml;

/**
 * One raw line, classified without a YAML parser so that half-typed documents still work.
 * Columns are UTF-16 offsets in the line. {@code key} is null when the line holds no {@code key:};
 * {@code dashColumn} is -1 unless the line starts a sequence item; {@code contentColumn} is where
 * the item's (or line's) content begins.
 */
public record YamlLine(
    int number,
    String text,
    Kind kind,
    int indent,
    int dashColumn,
    int contentColumn,
    String key,
    int keyStart,
    int keyEnd,
    String value,
    int valueStart) {

  /** What a line is, as far as the outline cares. */
  public enum Kind { BLANK, COMMENT, DOCUMENT_MARKER, CONTENT }

  public boolean hasKey() {
    return key != null;
  }

  public boolean isSequenceItem() {
    return dashColumn >= 0;
  }

  /** True for {@code key: |} and {@code key: >-} style values: the lines below are plain text. */
  public boolean opensBlockScalar() {
    return value != null && !value.isEmpty() && (value.charAt(0) == '|' || value.charAt(0) == '>');
  }

  public boolean hasEmptyValue() {
    return value == null || value.isEmpty();
  }
}
