package dev.sky4j.lsp.diagnostics;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.lsp.catalog.CatalogHolder;
import dev.sky4j.lsp.text.TextDocument;
import dev.sky4j.spec.TaskLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs core's loader on a document snapshot and keeps the latest result per URI, so that code
 * actions and code lenses reuse what diagnostics computed for the same version.
 */
public final class Analyzer {
  private final CatalogHolder catalog;
  private final Map<String, Analysis> latest = new ConcurrentHashMap<>();

  public Analyzer(CatalogHolder catalog) {
    this.catalog = catalog;
  }

  /** The analysis of exactly this snapshot, computed now unless it is cached. */
  public Analysis analyze(TextDocument doc) {
    Analysis cached = latest.get(doc.uri());
    if (cached != null && cached.document() == doc) {
      return cached;
    }
    Catalog c = catalog.await();
    var result = TaskLoader.load(doc.text(), fileName(doc.uri()), c);
    Analysis a = new Analysis(doc, result.tasks(), result.pipelineName(), result.diagnostics(), c);
    latest.merge(doc.uri(), a, (old, neu) -> neu.document().version() >= old.document().version() ? neu : old);
    return a;
  }

  public void forget(String uri) {
    latest.remove(uri);
  }

  /** The file name core puts in messages: the path for file URIs, the URI itself otherwise. */
  public static String fileName(String uri) {
    try {
      URI u = URI.create(uri);
      if ("file".equals(u.getScheme())) {
        return Path.of(u).toString();
      }
    } catch (RuntimeException e) {
      // not a URI we understand: show it as it is
    }
    return uri;
  }
}
