package dev.sky4j.lsp.catalog;

import dev.sky4j.catalog.Catalog;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The catalog, loaded on a background thread after {@code initialize} so that the server answers
 * the client at once. Features that need prices wait for it (they run off the message thread);
 * if it fails to load they work without it.
 */
public final class CatalogHolder {
  private final Supplier<Catalog> loader;
  private final CompletableFuture<Catalog> future = new CompletableFuture<>();
  private volatile boolean started;

  public CatalogHolder(Supplier<Catalog> loader) {
    this.loader = loader;
  }

  /** A holder whose catalog is already there (batch mode, tests). */
  public static CatalogHolder of(Catalog c) {
    CatalogHolder h = new CatalogHolder(() -> c);
    h.started = true;
    h.future.complete(c);
    return h;
  }

  /** Starts loading (idempotent); every offer is parsed and indexed before the future completes. */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    Thread t = new Thread(() -> {
      try {
        Catalog c = loader.get();
        c.accelerators();
        c.offers();
        AcceleratorIndex.of(c);
        future.complete(c);
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
      }
    }, "sky-lsp-catalog");
    t.setDaemon(true);
    t.start();
  }

  /** The catalog, waiting for it to load; null when it could not be loaded in time. */
  public Catalog await() {
    start();
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      return null;
    }
  }

  /** Why the catalog is missing, for a log line; null when it loaded. */
  public String failure() {
    if (!future.isCompletedExceptionally()) {
      return null;
    }
    try {
      future.join();
      return null;
    } catch (RuntimeException e) {
      return String.valueOf(e.getCause() == null ? e : e.getCause());
    }
  }
}
