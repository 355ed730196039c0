/**
 * The {@code sky} command: one picocli class per command ({@code *Command}), wired by
 * {@link dev.sky4j.cli.Main}, plus the small pieces they share ({@link dev.sky4j.cli.Table} for
 * aligned output, {@link dev.sky4j.cli.Output} for numbers and JSON, {@code TaskSubmit}
 * for reading and validating task YAML exactly as {@code sky validate} does). Commands that need no cluster
 * (validate, schema, show-gpus, catalog, lsp) run in-process on core; the rest, {@code launch
 * --dryrun} included (it shows the server's own plan), are thin
 * clients of the API server through {@code dev.sky4j.cli.remote}. May depend on core, client and
 * lsp; never on server.
 */
package dev.sky4j.cli;
