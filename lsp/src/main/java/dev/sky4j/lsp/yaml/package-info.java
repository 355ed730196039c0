/**
 * A tolerant, indentation-only view of task YAML for editor features: the key/item outline
 * (symbols, folding) and the YAML path under the cursor (completion, hover). It never rejects a
 * document: diagnostics are core's job; this package only has to guess well while the user types.
 * Depends on nothing but the JDK.
 */
package dev.sky4j.lsp.yaml;
