package dev.sky4j.lsp;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.lsp.catalog.CatalogHolder;
import dev.sky4j.lsp.diagnostics.Analyzer;
import dev.sky4j.lsp.diagnostics.DiagnosticsScheduler;
import dev.sky4j.lsp.text.DocumentStore;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The sky4j language server. {@code initialize} answers at once; the catalog loads on a
 * background thread afterwards. Initialization options: {@code debounceMs} (default
 * {@value #DEFAULT_DEBOUNCE_MS}) and {@code telemetry} (send a {@code telemetry/event} with the
 * server-side diagnostics latency after each publish: what the benchmark reads).
 */
public final class SkyLanguageServer implements LanguageServer, LanguageClientAware {
  public static final long DEFAULT_DEBOUNCE_MS = 150;

  private final CatalogHolder catalog;
  private final DocumentStore store = new DocumentStore();
  private final Analyzer analyzer;
  private final DiagnosticsScheduler diagnostics;
  private final SkyTextDocumentService documents;
  private final SkyWorkspaceService workspace = new SkyWorkspaceService();
  private final Runnable onExit;
  private volatile LanguageClient client;
  private volatile boolean telemetry;
  private volatile boolean shutdown;

  public SkyLanguageServer(Supplier<Catalog> catalogLoader, Runnable onExit) {
    this.catalog = new CatalogHolder(catalogLoader);
    this.analyzer = new Analyzer(catalog);
    this.diagnostics = new DiagnosticsScheduler(store, analyzer, DEFAULT_DEBOUNCE_MS,
        p -> {
          LanguageClient c = client;
          if (c != null) {
            c.publishDiagnostics(p);
          }
        },
        (uri, micros) -> {
          LanguageClient c = client;
          if (telemetry && c != null) {
            c.telemetryEvent(Map.of("kind", "diagnostics", "uri", uri, "micros", micros));
          }
        });
    this.documents = new SkyTextDocumentService(store, analyzer, diagnostics, catalog,
        (kind, micros) -> {
          LanguageClient c = client;
          if (telemetry && c != null) {
            c.telemetryEvent(Map.of("kind", kind, "micros", micros));
          }
        });
    this.onExit = onExit;
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    readOptions(params.getInitializationOptions());
    ServerCapabilities caps = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    caps.setTextDocumentSync(sync);
    caps.setCompletionProvider(new CompletionOptions(false, List.of(":", " ", "/", ",", "[", "-")));
    caps.setHoverProvider(true);
    caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    caps.setCodeLensProvider(new CodeLensOptions(false));
    caps.setDocumentSymbolProvider(true);
    caps.setFoldingRangeProvider(true);
    String version = SkyLanguageServer.class.getPackage().getImplementationVersion();
    InitializeResult result = new InitializeResult(caps, new ServerInfo("sky4j", version == null ? "dev" : version));
    catalog.start();
    return CompletableFuture.completedFuture(result);
  }

  private void readOptions(Object options) {
    if (!(options instanceof JsonObject o)) {
      return;
    }
    JsonElement debounce = o.get("debounceMs");
    if (debounce != null && debounce.isJsonPrimitive()) {
      diagnostics.setDebounceMs(debounce.getAsLong());
    }
    JsonElement t = o.get("telemetry");
    telemetry = t != null && t.isJsonPrimitive() && t.getAsBoolean();
  }

  @Override
  public void initialized(InitializedParams params) {
    CompletableFuture.runAsync(() -> {
      catalog.await();
      String failure = catalog.failure();
      LanguageClient c = client;
      if (failure != null && c != null) {
        c.logMessage(new MessageParams(MessageType.Warning,
            "sky4j: could not load the catalog (" + failure + "); prices and catalog checks are off."));
      }
    });
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    diagnostics.close();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    diagnostics.close();
    onExit.run();
  }

  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }
}
