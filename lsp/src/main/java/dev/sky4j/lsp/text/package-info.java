/**
 * Open documents: immutable text snapshots, incremental edits, and the conversion between LSP's
 * UTF-16 positions and core's 1-based code-point columns. Depends on lsp4j and core's SourceRange.
 */
package dev.sky4j.lsp.text;
