/**
 * Diagnostics: core's TaskLoader run on document snapshots (debounced, cancelled by newer edits),
 * its findings mapped to LSP without changing codes or messages. Depends on core's spec package.
 */
package dev.sky4j.lsp.diagnostics;
