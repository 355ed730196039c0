/**
 * The sky4j language server for task YAML (lsp4j over stdio), started by {@code sky lsp}. Every
 * finding comes from core's validator; catalog data from core's catalog; plans from core's
 * optimizer. Subpackages: text (documents), yaml (tolerant outline and cursor path), diagnostics,
 * complete, hover, actions, outline, catalog, check (batch mode). Depends on core and lsp4j only.
 */
package dev.sky4j.lsp;
