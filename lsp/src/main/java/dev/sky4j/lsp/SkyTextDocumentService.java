package dev.sky4j.lsp;

import dev.sky4j.lsp.actions.CodeActionService;
import dev.sky4j.lsp.actions.CodeLensService;
import dev.sky4j.lsp.catalog.CatalogHolder;
import dev.sky4j.lsp.complete.CompletionService;
import dev.sky4j.lsp.diagnostics.Analyzer;
import dev.sky4j.lsp.diagnostics.DiagnosticsScheduler;
import dev.sky4j.lsp.hover.HoverService;
import dev.sky4j.lsp.outline.SymbolService;
import dev.sky4j.lsp.text.DocumentStore;
import dev.sky4j.lsp.text.TextDocument;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Document sync and per-document features. Notifications update the store on the message thread
 * (so edits apply in order); requests run off it and see the latest snapshot. A request for a
 * document that is not open answers empty rather than failing.
 */
final class SkyTextDocumentService implements TextDocumentService {
  private final DocumentStore store;
  private final Analyzer analyzer;
  private final DiagnosticsScheduler diagnostics;
  private final CompletionService completion;
  private final HoverService hover;
  private final java.util.function.BiConsumer<String, Long> timing;

  SkyTextDocumentService(DocumentStore store, Analyzer analyzer, DiagnosticsScheduler diagnostics,
      CatalogHolder catalog, java.util.function.BiConsumer<String, Long> timing) {
    this.timing = timing;
    this.store = store;
    this.analyzer = analyzer;
    this.diagnostics = diagnostics;
    this.completion = new CompletionService(catalog);
    this.hover = new HoverService(catalog);
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    long now = System.nanoTime();
    var d = params.getTextDocument();
    store.open(d.getUri(), d.getVersion(), d.getText());
    diagnostics.schedule(d.getUri(), now);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    long now = System.nanoTime();
    String uri = params.getTextDocument().getUri();
    if (store.change(uri, params.getTextDocument().getVersion(), params.getContentChanges()) != null) {
      diagnostics.schedule(uri, now);
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    store.close(params.getTextDocument().getUri());
    diagnostics.closed(params.getTextDocument().getUri());
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // diagnostics already follow every edit
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    return on(params.getTextDocument().getUri(), Either.forRight(new CompletionList(List.of())),
        doc -> {
          long t0 = System.nanoTime();
          CompletionList list = completion.complete(doc, params.getPosition());
          timing.accept("completion", (System.nanoTime() - t0) / 1000);
          return Either.forRight(list);
        });
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return on(params.getTextDocument().getUri(), null, doc -> hover.hover(doc, params.getPosition()));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return on(params.getTextDocument().getUri(), List.of(),
        doc -> CodeActionService.actions(analyzer.analyze(doc), params.getRange()));
  }

  @Override
  public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
    return on(params.getTextDocument().getUri(), List.of(),
        doc -> CodeLensService.lenses(analyzer.analyze(doc)));
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return on(params.getTextDocument().getUri(), List.of(),
        doc -> SymbolService.symbols(doc).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return on(params.getTextDocument().getUri(), List.of(), SymbolService::folding);
  }

  /** Runs a feature on the current snapshot off the message thread; honours $/cancelRequest. */
  private <T> CompletableFuture<T> on(String uri, T whenMissing, Function<TextDocument, T> feature) {
    return CompletableFutures.computeAsync(cancel -> {
      TextDocument doc = store.get(uri);
      if (doc == null) {
        return whenMissing;
      }
      cancel.checkCanceled();
      return feature.apply(doc);
    });
  }
}
