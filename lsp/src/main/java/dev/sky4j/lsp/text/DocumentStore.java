package dev.sky4j.lsp.text;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The open documents by URI. Each entry is an immutable snapshot swapped atomically, so request
 * threads (completion, hover) read a consistent text while edits keep arriving.
 */
public final class DocumentStore {
  private final Map<String, TextDocument> docs = new ConcurrentHashMap<>();

  public TextDocument open(String uri, int version, String text) {
    TextDocument d = new TextDocument(uri, version, text);
    docs.put(uri, d);
    return d;
  }

  /** Applies changes in order (LSP sends them so); unknown URIs are ignored and return null. */
  public TextDocument change(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
    return docs.computeIfPresent(uri, (k, d) -> {
      TextDocument cur = d;
      for (TextDocumentContentChangeEvent c : changes) {
        cur = cur.apply(c, version);
      }
      return cur;
    });
  }

  public void close(String uri) {
    docs.remove(uri);
  }

  public TextDocument get(String uri) {
    return docs.get(uri);
  }
}
