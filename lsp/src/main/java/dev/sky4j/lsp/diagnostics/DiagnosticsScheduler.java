package dev.sky4j.lsp.diagnostics;

import dev.sky4j.lsp.text.DocumentStore;
import dev.sky4j.lsp.text.TextDocument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Validates a document a short while after its last edit. A new edit cancels the pending run for
 * that document; a run that finishes after a newer edit arrived publishes nothing, so the client
 * never sees diagnostics for text it no longer has. One worker thread: validation is a few
 * milliseconds and documents are independent.
 */
public final class DiagnosticsScheduler implements AutoCloseable {
  private final DocumentStore store;
  private final Analyzer analyzer;
  private final java.util.function.Consumer<PublishDiagnosticsParams> publisher;
  private final BiConsumer<String, Long> timing;
  private final ScheduledExecutorService worker;
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private volatile long debounceMs;

  public DiagnosticsScheduler(DocumentStore store, Analyzer analyzer, long debounceMs,
      java.util.function.Consumer<PublishDiagnosticsParams> publisher, BiConsumer<String, Long> timing) {
    this.store = store;
    this.analyzer = analyzer;
    this.debounceMs = debounceMs;
    this.publisher = publisher;
    this.timing = timing;
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sky-lsp-diagnostics");
      t.setDaemon(true);
      return t;
    });
  }

  public void setDebounceMs(long ms) {
    this.debounceMs = Math.max(0, ms);
  }

  /** Schedules validation of the document's current text; {@code receivedNanos} is when the edit came in. */
  public void schedule(String uri, long receivedNanos) {
    ScheduledFuture<?> next = worker.schedule(() -> run(uri, receivedNanos), debounceMs, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> old = pending.put(uri, next);
    if (old != null) {
      old.cancel(false);
    }
  }

  /** Stops pending work for a closed document and clears its diagnostics in the client. */
  public void closed(String uri) {
    ScheduledFuture<?> old = pending.remove(uri);
    if (old != null) {
      old.cancel(false);
    }
    analyzer.forget(uri);
    publisher.accept(new PublishDiagnosticsParams(uri, List.of()));
  }

  private void run(String uri, long receivedNanos) {
    TextDocument doc = store.get(uri);
    if (doc == null) {
      return;
    }
    Analysis a;
    try {
      a = analyzer.analyze(doc);
    } catch (RuntimeException e) {
      // core promises not to throw; if it ever does, one bad file must not take the server down
      a = null;
      publisher.accept(new PublishDiagnosticsParams(uri, List.of(internalError(e)), doc.version()));
      return;
    }
    if (store.get(uri) != doc) {
      return;
    }
    publisher.accept(new PublishDiagnosticsParams(uri, DiagnosticMapper.toLsp(doc, a.diagnostics()), doc.version()));
    timing.accept(uri, (System.nanoTime() - receivedNanos) / 1000);
  }

  private static org.eclipse.lsp4j.Diagnostic internalError(RuntimeException e) {
    org.eclipse.lsp4j.Diagnostic d = new org.eclipse.lsp4j.Diagnostic(
        new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0)),
        "sky4j could not check this file (" + e.getClass().getSimpleName() + "). Run `sky validate` on it and report the output.",
        org.eclipse.lsp4j.DiagnosticSeverity.Warning, DiagnosticMapper.SOURCE, "internal-error");
    return d;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
