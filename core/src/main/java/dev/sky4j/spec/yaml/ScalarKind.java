package dev.sky4j.spec.yaml;

/** The type a plain YAML 1.1 scalar resolves to; quoted scalars are always {@link #STRING}. */
public enum ScalarKind {
  STRING("a string"),
  INTEGER("an integer"),
  FLOAT("a number"),
  BOOLEAN("a boolean"),
  NULL("nothing (null)");

  private final String phrase;

  ScalarKind(String phrase) {
    this.phrase = phrase;
  }

  public String phrase() {
    return phrase;
  }
}
