package dev.sky4j.client.json;

/** Malformed JSON, or JSON that does not fit the type it is bound to. */
public final class JsonException extends RuntimeException {
  public JsonException(String message) {
    super(message);
  }
}
