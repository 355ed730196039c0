package dev.sky4j.lsp.yaml;

import java.util.List;

/** Finds the {@link CursorContext} for a position in raw, possibly half-typed YAML lines. */
public final class CursorResolver {
  private CursorResolver() {}

  /** {@code character} is a UTF-16 column, as LSP sends it. */
  public static CursorContext resolve(List<String> rawLines, int line, int character) {
    Outline.Builder b = Outline.build(rawLines, line);
    Outline outline = b.outline();
    String text = line < rawLines.size() ? rawLines.get(line) : "";
    int ch = Math.min(Math.max(0, character), text.length());
    String before = text.substring(0, ch);
    OutlineNode scalar = b.capturedScalarOwner;
    int indent = 0;
    while (indent < before.length() && before.charAt(indent) == ' ') {
      indent++;
    }
    boolean onlySpaces = indent == before.length();
    int lineIndent = onlySpaces ? ch : indent;
    if (scalar != null && lineIndent > scalar.column()) {
      return none(b, line, ch, outline);
    }
    if (!LineScanner.stripComment(before).equals(before)
        || (!onlySpaces && before.charAt(indent) == '#')) {
      return none(b, line, ch, outline);
    }
    if (onlySpaces) {
      return new CursorContext(CursorContext.Kind.KEY, b.ownerFor(ch, false), null, "", line, ch, outline);
    }
    boolean dash = before.charAt(indent) == '-' && (indent + 1 == before.length() || before.charAt(indent + 1) == ' ');
    int content = indent;
    if (dash) {
      content = indent + 1;
      while (content < before.length() && before.charAt(content) == ' ') {
        content++;
      }
    }
    int colon = LineScanner.keyColon(before, content);
    if (colon >= 0) {
      String key = LineScanner.unquote(before.substring(content, colon).trim());
      int vs = colon + 1;
      while (vs < before.length() && before.charAt(vs) == ' ') {
        vs++;
      }
      int start = flowItemStart(before, vs);
      OutlineNode owner = dash ? itemOwner(b, indent, line) : b.ownerFor(content, false);
      return new CursorContext(CursorContext.Kind.VALUE, owner, key, before.substring(start), line, start, outline);
    }
    if (dash) {
      OutlineNode seqOwner = b.ownerFor(indent, true);
      int start = flowItemStart(before, content);
      return new CursorContext(CursorContext.Kind.ITEM, seqOwner,
          seqOwner.kind() == OutlineNode.Kind.KEY ? seqOwner.key() : null,
          before.substring(start), line, start, outline);
    }
    if (before.charAt(content) == '[' || before.charAt(content) == '{') {
      return none(b, line, ch, outline);
    }
    return new CursorContext(CursorContext.Kind.KEY, b.ownerFor(content, false), null,
        before.substring(content), line, content, outline);
  }

  /** Inside {@code [a, b} or {@code {a: 1, b}: the element being typed starts after the last separator. */
  private static int flowItemStart(String before, int from) {
    int start = from;
    for (int i = from; i < before.length(); i++) {
      char c = before.charAt(i);
      if (c == '[' || c == '{' || c == ',') {
        start = i + 1;
      }
    }
    while (start < before.length() && (before.charAt(start) == ' ' || before.charAt(start) == '"' || before.charAt(start) == '\'')) {
      start++;
    }
    return start;
  }

  /** For {@code - key: |}, the item node created for this very line (the mapping that owns key). */
  private static OutlineNode itemOwner(Outline.Builder b, int dashColumn, int line) {
    OutlineNode seq = b.ownerFor(dashColumn, true);
    for (OutlineNode c : seq.children()) {
      if (c.kind() == OutlineNode.Kind.ITEM && c.firstLine() == line) {
        return c;
      }
    }
    return seq;
  }

  private static CursorContext none(Outline.Builder b, int line, int ch, Outline outline) {
    return new CursorContext(CursorContext.Kind.NONE, b.capturedStack.getLast(), null, "", line, ch, outline);
  }
}
