package dev.sky4j.lsp.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The key/item structure of a (possibly broken) YAML text, built from indentation alone. It never
 * fails: lines it cannot place are treated as continuations of the value above. Block scalars
 * ({@code run: |}) are recognised so that script lines are never mistaken for keys.
 */
public final class Outline {
  private final List<YamlLine> lines;
  private final List<OutlineNode> roots;
  private final boolean[] inScalar;

  private Outline(List<YamlLine> lines, List<OutlineNode> roots, boolean[] inScalar) {
    this.lines = lines;
    this.roots = roots;
    this.inScalar = inScalar;
  }

  public static Outline of(List<String> rawLines) {
    return build(rawLines, -1).outline();
  }

  /** Builds the outline and remembers the open nodes just before {@code captureLine}. */
  static Builder build(List<String> rawLines, int captureLine) {
    List<YamlLine> lines = new ArrayList<>(rawLines.size());
    for (int i = 0; i < rawLines.size(); i++) {
      lines.add(LineScanner.scan(i, rawLines.get(i)));
    }
    Builder b = new Builder(lines, captureLine);
    b.run();
    return b;
  }

  public List<YamlLine> lines() {
    return lines;
  }

  public YamlLine line(int n) {
    return n >= 0 && n < lines.size() ? lines.get(n) : LineScanner.scan(n, "");
  }

  /** One root per YAML document ({@code ---} separated). */
  public List<OutlineNode> roots() {
    return roots;
  }

  public boolean inBlockScalar(int line) {
    return line >= 0 && line < inScalar.length && inScalar[line];
  }

  /**
   * The indentation stack algorithm. When {@code captureAt} is a line number, the open nodes and
   * the block scalar owner just before that line are copied out: that is the cursor's context,
   * while the rest of the document still lands in the same tree (for "keys already present").
   */
  static final class Builder {
    final List<YamlLine> lines;
    final int captureAt;
    final List<OutlineNode> roots = new ArrayList<>();
    final boolean[] inScalar;
    final Deque<OutlineNode> stack = new ArrayDeque<>();
    OutlineNode scalarOwner;
    Deque<OutlineNode> capturedStack;
    OutlineNode capturedScalarOwner;

    Builder(List<YamlLine> lines, int captureAt) {
      this.lines = lines;
      this.captureAt = captureAt;
      this.inScalar = new boolean[lines.size()];
    }

    void run() {
      newDocument();
      for (int i = 0; i < lines.size(); i++) {
        if (i == captureAt) {
          capture();
        }
        step(lines.get(i));
      }
      if (capturedStack == null) {
        capture();
      }
    }

    private void capture() {
      capturedStack = new ArrayDeque<>(stack);
      capturedScalarOwner = scalarOwner;
    }

    Outline outline() {
      return new Outline(lines, roots, inScalar);
    }

    private void newDocument() {
      OutlineNode root = new OutlineNode(OutlineNode.Kind.ROOT, null, -1, null);
      roots.add(root);
      stack.clear();
      stack.push(root);
      scalarOwner = null;
    }

    private void step(YamlLine l) {
      if (scalarOwner != null) {
        if (l.kind() == YamlLine.Kind.BLANK || l.indent() > scalarOwner.column()) {
          inScalar[l.number()] = true;
          if (l.kind() != YamlLine.Kind.BLANK) {
            extend(l.number());
          }
          return;
        }
        scalarOwner = null;
      }
      switch (l.kind()) {
        case BLANK, COMMENT -> {
          return;
        }
        case DOCUMENT_MARKER -> {
          newDocument();
          return;
        }
        default -> { }
      }
      if (!l.hasKey() && !l.isSequenceItem()) {
        extend(l.number());
        return;
      }
      while (!stack.peek().accepts(l)) {
        stack.pop();
      }
      if (l.isSequenceItem()) {
        stack.push(new OutlineNode(OutlineNode.Kind.ITEM, l, l.dashColumn(), stack.peek()));
      }
      if (l.hasKey()) {
        OutlineNode key = new OutlineNode(OutlineNode.Kind.KEY, l, l.keyStart(), stack.peek());
        stack.push(key);
        if (l.opensBlockScalar()) {
          scalarOwner = key;
        }
      }
      extend(l.number());
    }

    private void extend(int line) {
      for (OutlineNode n : stack) {
        n.extendTo(line);
      }
    }

    /** Pops as a line starting at {@code column} would, and returns the node that would own it. */
    OutlineNode ownerFor(int column, boolean dash) {
      YamlLine probe = dash
          ? new YamlLine(-1, "", YamlLine.Kind.CONTENT, column, column, column + 2, null, -1, -1, null, -1)
          : new YamlLine(-1, "", YamlLine.Kind.CONTENT, column, -1, column, "?", column, column, "", -1);
      for (OutlineNode n : capturedStack) {
        if (n.accepts(probe)) {
          return n;
        }
      }
      return capturedStack.getLast();
    }
  }
}
