/**
 * The task: its immutable model ({@link dev.sky4j.spec.Task}, {@link dev.sky4j.spec.Resources}),
 * loading YAML with source positions, validation into {@link dev.sky4j.spec.Diagnostic}s, and the
 * field model the JSON schema, the validator and the language server all read. Command-line
 * flags are applied to the parsed document ({@link dev.sky4j.spec.FieldOverride}), never through
 * YAML text, so their values stay the strings typed; {@link dev.sky4j.spec.InlineSecrets} cuts
 * inline secret values out of task text so it can be stored. May depend on
 * {@code dev.sky4j.catalog} (catalog-aware checks) and snakeyaml-engine; nothing else.
 */
package dev.sky4j.spec;
