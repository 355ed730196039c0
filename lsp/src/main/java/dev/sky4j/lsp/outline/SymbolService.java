package dev.sky4j.lsp.outline;

import dev.sky4j.lsp.text.TextDocument;
import dev.sky4j.lsp.yaml.Outline;
import dev.sky4j.lsp.yaml.OutlineNode;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;

/**
 * Document symbols (the task's sections and their keys, sequence items as {@code [i]}) and folding
 * ranges for every multi-line key or item, from the indentation outline so that they stay useful
 * while the file does not parse.
 */
public final class SymbolService {
  private SymbolService() {}

  public static List<DocumentSymbol> symbols(TextDocument doc) {
    Outline outline = Outline.of(doc.lines());
    List<DocumentSymbol> out = new ArrayList<>();
    for (OutlineNode root : outline.roots()) {
      for (OutlineNode n : root.children()) {
        out.add(symbol(doc, n));
      }
    }
    return out;
  }

  private static DocumentSymbol symbol(TextDocument doc, OutlineNode n) {
    String name;
    SymbolKind kind;
    Range selection;
    String detail = null;
    if (n.kind() == OutlineNode.Kind.KEY) {
      name = n.key().isEmpty() ? "\"\"" : n.key();
      boolean hasKids = !n.children().isEmpty();
      boolean list = n.children().stream().anyMatch(c -> c.kind() == OutlineNode.Kind.ITEM);
      kind = list ? SymbolKind.Array : hasKids ? SymbolKind.Object : SymbolKind.Property;
      detail = n.line().hasEmptyValue() ? null : n.line().value();
      selection = new Range(new Position(n.firstLine(), n.line().keyStart()), new Position(n.firstLine(), n.line().keyEnd()));
    } else {
      name = "[" + n.index() + "]";
      kind = SymbolKind.Struct;
      selection = new Range(new Position(n.firstLine(), n.column()), new Position(n.firstLine(), n.column() + 1));
    }
    Range full = new Range(new Position(n.firstLine(), n.column()),
        new Position(n.lastLine(), doc.line(n.lastLine()).length()));
    DocumentSymbol s = new DocumentSymbol(name, kind, full, selection, detail);
    List<DocumentSymbol> kids = new ArrayList<>();
    for (OutlineNode c : n.children()) {
      kids.add(symbol(doc, c));
    }
    s.setChildren(kids);
    return s;
  }

  public static List<FoldingRange> folding(TextDocument doc) {
    Outline outline = Outline.of(doc.lines());
    List<FoldingRange> out = new ArrayList<>();
    java.util.Set<Integer> starts = new java.util.HashSet<>();
    for (OutlineNode root : outline.roots()) {
      fold(root, out, starts);
    }
    return out;
  }

  /** One range per start line: an item and the key on its first line fold together. */
  private static void fold(OutlineNode n, List<FoldingRange> out, java.util.Set<Integer> starts) {
    if (n.kind() != OutlineNode.Kind.ROOT && n.lastLine() > n.firstLine() && starts.add(n.firstLine())) {
      FoldingRange r = new FoldingRange(n.firstLine(), n.lastLine());
      r.setKind(FoldingRangeKind.Region);
      out.add(r);
    }
    for (OutlineNode c : n.children()) {
      fold(c, out, starts);
    }
  }
}
