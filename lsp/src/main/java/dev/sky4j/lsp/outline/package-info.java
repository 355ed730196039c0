/** Document symbols and folding ranges from the indentation outline. Depends on the yaml package. */
package dev.sky4j.lsp.outline;
