/**
 * Completion: keys from core's field model, accelerator NAME:COUNT values priced from core's
 * catalog, placement and instance types narrowed by what the file already chose, enums, booleans
 * and new-file snippets. Depends on core (schema, catalog) and this module's yaml and catalog
 * packages.
 */
package dev.sky4j.lsp.complete;
