package dev.sky4j.json;

/**
 * Malformed JSON, or JSON that does not fit the type it is bound to. An {@link
 * IllegalArgumentException} because it always means the input was bad (the agent answers 400).
 */
public final class JsonException extends IllegalArgumentException {
  public JsonException(String message) {
    super(message);
  }
}
