package dev.sky4j.json;

/**
 * Malformed JSON, or JSON that does not fit the type it is bound to. An {@link
 * IllegalArgumentException} because it always means the input was bad (the agent answers 400).
 * Parse errors name the offset; binding errors name the field ({@code field 'a.b': ...}).
 */
public final class JsonException extends IllegalArgumentException {
  private final String field;
  private final String problem;

  public JsonException(String message) {
    this(null, message);
  }

  private JsonException(String field, String problem) {
    super(field == null ? problem : "field '" + field + "': " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** This error as met inside field {@code name} of an enclosing object. */
  JsonException in(String name) {
    return new JsonException(field == null ? name : name + "." + field, problem);
  }
}
