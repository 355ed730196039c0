package dev.sky4j.spec.schema;

/** The JSON types a field may take; a field may accept several (e.g. {@code workdir}). */
public enum FieldType {
  STRING("string", "a string"),
  INTEGER("integer", "an integer"),
  NUMBER("number", "a number"),
  BOOLEAN("boolean", "true or false"),
  OBJECT("object", "a mapping"),
  ARRAY("array", "a list"),
  NULL("null", "nothing (null)");

  private final String jsonName;
  private final String phrase;

  FieldType(String jsonName, String phrase) {
    this.jsonName = jsonName;
    this.phrase = phrase;
  }

  public String jsonName() {
    return jsonName;
  }

  /** How an error message names it: "expected an integer". */
  public String phrase() {
    return phrase;
  }
}
