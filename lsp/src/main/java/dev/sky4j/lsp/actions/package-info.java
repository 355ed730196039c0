/**
 * Code actions (core's suggestions as quick fixes, "add missing run:") and code lenses (core's
 * optimizer's cheapest plan, a Launch command). Depends on core (spec, catalog, optimizer).
 */
package dev.sky4j.lsp.actions;
