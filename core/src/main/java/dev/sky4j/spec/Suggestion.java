package dev.sky4j.spec;

/**
 * A concrete edit that would fix a diagnostic: replace the text at {@code range} with {@code
 * replacement}. The language server turns each into a quick fix; the CLI prints the title.
 */
public record Suggestion(String title, SourceRange range, String replacement) {}
