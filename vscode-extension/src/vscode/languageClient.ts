// Starts `sky lsp` for task files only. The selector lets the client see every YAML document; the
// middleware drops everything for those that are not task files, so other YAML (Red Hat's YAML
// extension, Kubernetes, CI files) never reaches our server and gets no sky4j diagnostics,
// completions or lenses. Bundled on its own (dist/languageClient.js) and loaded only when the
// first task file opens: vscode-languageclient is most of the extension's code.
import type * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, Middleware } from 'vscode-languageclient/node';
import { isTaskDocument } from './taskDocument';
import { DOCUMENT_SELECTOR, INITIALIZATION_OPTIONS, serverOptions } from '../core/clientOptions';
import type { Resolved } from '../core/settings';

function guardedMiddleware(): Middleware {
  const opened = new Set<string>();
  const known = (d: vscode.TextDocument) => opened.has(d.uri.toString());
  const provide = (d: vscode.TextDocument, call: () => unknown) => (known(d) ? call() : undefined);
  return {
    didOpen: (d, next) => {
      if (!isTaskDocument(d)) return Promise.resolve();
      opened.add(d.uri.toString());
      return next(d);
    },
    didChange: (e, next) => (known(e.document) ? next(e) : Promise.resolve()),
    didSave: (d, next) => (known(d) ? next(d) : Promise.resolve()),
    didClose: (d, next) => {
      if (!opened.delete(d.uri.toString())) return Promise.resolve();
      return next(d);
    },
    provideCompletionItem: (d, p, c, t, next) => provide(d, () => next(d, p, c, t)) as any,
    provideHover: (d, p, t, next) => provide(d, () => next(d, p, t)) as any,
    provideCodeLenses: (d, t, next) => provide(d, () => next(d, t)) as any,
    provideCodeActions: (d, r, c, t, next) => provide(d, () => next(d, r, c, t)) as any,
    provideDocumentSymbols: (d, t, next) => provide(d, () => next(d, t)) as any,
    provideFoldingRanges: (d, c, t, next) => provide(d, () => next(d, c, t)) as any,
  };
}

export function createClient(r: Resolved): LanguageClient {
  const options: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions: INITIALIZATION_OPTIONS,
    middleware: guardedMiddleware(),
    outputChannelName: 'sky4j language server',
  };
  return new LanguageClient('sky4j', 'sky4j task YAML', serverOptions(r), options);
}
