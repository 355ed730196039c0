package dev.sky4j.lsp.complete;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The text a completion replaces: from where the typed word starts to the cursor. When a value is
 * completed right after a colon ({@code accelerators:|}) a space is put in front of it.
 */
public record Target(int line, int start, int end, boolean spaceFirst, String prefix) {

  public Range range() {
    return new Range(new Position(line, start), new Position(line, end));
  }

  /** Sets the item's edit (and filter text, so clients match on what the user typed). */
  public CompletionItem apply(CompletionItem item, String newText) {
    String text = spaceFirst ? " " + newText : newText;
    item.setTextEdit(Either.forLeft(new TextEdit(range(), text)));
    if (item.getFilterText() == null) {
      item.setFilterText(spaceFirst ? " " + item.getLabel() : item.getLabel());
    }
    return item;
  }

  /** Case-insensitive "contains" against what was typed, so {@code h100} finds {@code H100:8}. */
  public boolean matches(String candidate) {
    return prefix.isEmpty() || candidate.toLowerCase(java.util.Locale.ROOT)
        .contains(prefix.toLowerCase(java.util.Locale.ROOT));
  }
}
