package dev.sky4j.json;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one JSON codec of sky4j, used by core, the client, the server, the CLI and the node agent.
 * Hand-written because every user of it starts often and must start fast (the CLI in tens of
 * milliseconds, the agent on every node), where a JSON library's class loading would cost more
 * than the JSON itself. Parsed objects are {@link java.util.LinkedHashMap}s, arrays {@link
 * java.util.ArrayList}s, integral numbers {@link Long}s and other numbers {@link Double}s; {@link
 * RecordBinder} turns them into records. Malformed text throws {@link JsonException}.
 */
public final class Json {
  private Json() {}

  /** Parses one JSON value. */
  public static Object parse(String text) {
    return JsonParser.parse(text);
  }

  /**
   * Decodes a request body as strict UTF-8: invalid bytes are a {@link JsonException} naming the
   * byte offset, not U+FFFD characters that a handler would go on to use.
   */
  public static String decodeUtf8(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      throw new JsonException("the body is not valid UTF-8 (byte offset " + in.position() + ")");
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** Parses one JSON value that must be an object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new JsonException("expected a JSON object");
    }
    return (Map<String, Object>) v;
  }

  /** Parses text and binds it to {@code type} (a record, list, map or scalar class). */
  public static <T> T read(String text, Class<T> type) {
    return type.cast(RecordBinder.bind(parse(text), type));
  }

  /** Parses text and binds it to a generic type such as {@code List<NodeRow>}. */
  public static Object read(String text, Type type) {
    return RecordBinder.bind(parse(text), type);
  }

  /**
   * Compact JSON: maps, collections, records (by component name, null components left out),
   * enums by name, numbers (whole doubles without a fraction, NaN as null), anything else as its
   * string.
   */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder(128);
    JsonWriter.COMPACT.write(value, sb);
    return sb.toString();
  }

  /**
   * Indented JSON for people, laid out as Jackson's default pretty printer did when the CLI's
   * {@code -o json} used it ({@code "key" : value}, {@code [ a, b ]}, doubles always with a
   * fraction), so scripts that diff that output see no change.
   */
  public static String writePretty(Object value) {
    StringBuilder sb = new StringBuilder(1024);
    JsonWriter.PRETTY.write(value, sb);
    return sb.toString();
  }

  /** {@code "text"} with quotes, backslashes and control characters escaped; {@code null} for null. */
  public static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(s.length() + 2);
    JsonWriter.quote(s, sb);
    return sb.toString();
  }
}
