/** Hover: field docs from core's field model, and accelerator offer tables from core's catalog. */
package dev.sky4j.lsp.hover;
