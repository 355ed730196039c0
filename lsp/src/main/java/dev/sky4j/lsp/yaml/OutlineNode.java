package dev.sky4j.lsp.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A mapping key or a sequence item found by indentation. The root of each YAML document is an
 * item with column -1. {@code lastLine} is the last non-blank line that belongs to the node
 * (its value, block scalar or children), which is what folding and symbol ranges need.
 */
public final class OutlineNode {
  /** Key nodes own a {@code key:}; item nodes own a {@code - }; the root owns a document. */
  public enum Kind { ROOT, KEY, ITEM }

  private final Kind kind;
  private final YamlLine line;
  private final int column;
  private final OutlineNode parent;
  private final List<OutlineNode> children = new ArrayList<>();
  private final int index;
  private int lastLine;

  OutlineNode(Kind kind, YamlLine line, int column, OutlineNode parent) {
    this.kind = kind;
    this.line = line;
    this.column = column;
    this.parent = parent;
    this.index = parent == null ? 0 : (int) parent.children.stream().filter(c -> c.kind == kind).count();
    this.lastLine = line == null ? 0 : line.number();
    if (parent != null) {
      parent.children.add(this);
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The line that opened the node (null for a root). */
  public YamlLine line() {
    return line;
  }

  public int column() {
    return column;
  }

  public OutlineNode parent() {
    return parent;
  }

  public List<OutlineNode> children() {
    return Collections.unmodifiableList(children);
  }

  /** Position among siblings of the same kind (an item's index in its sequence). */
  public int index() {
    return index;
  }

  public String key() {
    return kind == Kind.KEY ? line.key() : null;
  }

  /** The scalar written after the colon on the key's own line ("" when the value is below). */
  public String inlineValue() {
    return kind == Kind.KEY ? line.value() : (line == null ? null : line.value());
  }

  public int firstLine() {
    return line == null ? 0 : line.number();
  }

  public int lastLine() {
    return lastLine;
  }

  void extendTo(int lineNumber) {
    lastLine = Math.max(lastLine, lineNumber);
  }

  /** The child key with this name, or null. */
  public OutlineNode child(String key) {
    for (OutlineNode c : children) {
      if (c.kind == Kind.KEY && key.equals(c.key())) {
        return c;
      }
    }
    return null;
  }

  /** Keys from the document root down to this node; items are written as {@code "-"}. */
  public List<String> path() {
    List<String> out = new ArrayList<>();
    for (OutlineNode n = this; n != null && n.kind != Kind.ROOT; n = n.parent) {
      out.add(0, n.kind == Kind.KEY ? n.key() : "-");
    }
    return out;
  }

  boolean accepts(YamlLine l) {
    if (kind == Kind.ROOT) {
      return true;
    }
    int c = l.isSequenceItem() ? l.dashColumn() : l.keyStart();
    if (kind == Kind.ITEM) {
      return c > column;
    }
    if (c > column) {
      return true;
    }
    // "key:\n- item" at the same column: a compact sequence belongs to the key above it
    return l.isSequenceItem() && c == column && line.hasEmptyValue()
        && children.stream().noneMatch(ch -> ch.kind == Kind.KEY);
  }
}
