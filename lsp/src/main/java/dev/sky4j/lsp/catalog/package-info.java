/**
 * The language server's handle on core's catalog: loaded lazily in the background, and an index
 * of accelerator offers by NAME:COUNT for fast, price-sorted completion. No catalog logic of its
 * own: it only groups core's offers. Depends on core's catalog package.
 */
package dev.sky4j.lsp.catalog;
