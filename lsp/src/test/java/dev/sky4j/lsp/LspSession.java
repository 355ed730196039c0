package dev.sky4j.lsp;

import dev.sky4j.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real lsp4j client talking JSON-RPC to the real server over piped streams, in-process: every
 * message is serialized and parsed as it would be over stdio.
 */
final class LspSession implements AutoCloseable {
  final LanguageServer server;
  final RecordingClient client = new RecordingClient();
  private final Future<Void> serverListening;
  private final Future<Void> clientListening;
  private final List<AutoCloseable> streams = new ArrayList<>();

  LspSession(Map<String, Object> initOptions) throws Exception {
    // NIO pipes, not java.io piped streams: those fail with "write end dead" once the pool
    // thread that last wrote a response ends
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    InputStream serverIn = Channels.newInputStream(toServer.source());
    OutputStream clientOut = Channels.newOutputStream(toServer.sink());
    InputStream clientIn = Channels.newInputStream(toClient.source());
    OutputStream serverOut = Channels.newOutputStream(toClient.sink());
    streams.addAll(List.of(serverIn, clientOut, clientIn, serverOut));
    SkyLanguageServer impl = new SkyLanguageServer(Catalog::get, () -> { });
    var serverLauncher = LSPLauncher.createServerLauncher(impl, serverIn, serverOut);
    impl.connect(serverLauncher.getRemoteProxy());
    serverListening = serverLauncher.startListening();
    var clientLauncher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
    server = clientLauncher.getRemoteProxy();
    clientListening = clientLauncher.startListening();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    init.setInitializationOptions(initOptions);
    initializeResult = server.initialize(init).get(10, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
  }

  LspSession() throws Exception {
    this(Map.of("debounceMs", 0));
  }

  final InitializeResult initializeResult;

  void open(String uri, String text) {
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
  }

  /** Replaces {@code range} with {@code text} as an editor's incremental change. */
  void edit(String uri, int version, Range range, String text) {
    TextDocumentContentChangeEvent ev = new TextDocumentContentChangeEvent(range, text);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(ev)));
  }

  static Range range(int l1, int c1, int l2, int c2) {
    return new Range(new Position(l1, c1), new Position(l2, c2));
  }

  static TextDocumentIdentifier id(String uri) {
    return new TextDocumentIdentifier(uri);
  }

  /** The first diagnostics for {@code uri} that satisfy {@code test}, waiting up to 20 s. */
  PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> test) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < end) {
      for (PublishDiagnosticsParams p : client.diagnostics) {
        if (p.getUri().equals(uri) && test.test(p)) {
          return p;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no matching diagnostics for " + uri + "; got " + client.diagnostics);
  }

  PublishDiagnosticsParams awaitVersion(String uri, int version) throws Exception {
    return awaitDiagnostics(uri, p -> p.getVersion() != null && p.getVersion() == version);
  }

  @Override
  public void close() throws Exception {
    try {
      server.shutdown().get(30, TimeUnit.SECONDS); // generous: CI machines are slow and shared
      server.exit();
    } finally {
      for (AutoCloseable c : streams) {
        try {
          c.close();
        } catch (IOException e) {
          // already closed by the other side
        }
      }
      serverListening.cancel(true);
      clientListening.cancel(true);
    }
  }

  /** Records what the server sends to the client. */
  static final class RecordingClient implements LanguageClient {
    final List<PublishDiagnosticsParams> diagnostics = new CopyOnWriteArrayList<>();
    final List<Object> telemetry = new CopyOnWriteArrayList<>();
    final Map<String, String> log = new ConcurrentHashMap<>();

    @Override
    public void telemetryEvent(Object object) {
      telemetry.add(object);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      this.diagnostics.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams messageParams) {
      log.put(messageParams.getMessage(), "show");
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
      log.put(message.getMessage(), "log");
    }
  }
}
