package dev.sky4j.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text from the network is hostile: every malformed body is a {@link JsonException} (which the
 * server and the agent answer with 400) saying what is wrong and where, never a stack overflow,
 * a silently different value, or a hang.
 */
class JsonHostileInputTest {
  record Counts(int rank, long id) {}

  @Test
  void nestingIsCappedSoADeepBodyIsAnErrorNotAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(JsonException.class)
        .hasMessageContaining("nested deeper than 128").hasMessageContaining("offset 128");
    String objects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
    assertThatThrownBy(() -> Json.parse(objects)).isInstanceOf(JsonException.class)
        .hasMessageContaining("nested deeper");
    String ok = "[".repeat(128) + "]".repeat(128);
    assertThat(Json.parse(ok)).isInstanceOf(List.class);
    assertThat(Json.write(Json.parse(ok))).isEqualTo(ok);
  }

  @Test
  void brokenEscapesSayWhatIsWrongAndWhere() {
    assertError("\"abc\\", "ends in a backslash", "offset 4");
    assertError("{\"a\":\"x\\", "ends in a backslash", "offset 7");
    assertError("\"\\u12\"", "short \\u escape", "offset 1");
    assertError("\"\\u12", "short \\u escape", "offset 1");
    assertError("\"\\uZZZZ\"", "short \\u escape", "offset 1");
    assertError("\"\\x\"", "unknown escape '\\x'", "offset 1");
    assertError("\"a\u0001b\"", "control character U+0001", "offset 2");
    assertThat(Json.parse("\"\\u00e9\\n\\/\"")).isEqualTo("\u00e9\n/");
  }

  @Test
  void loneSurrogatesAreRefusedAndPairsKept() {
    assertError("\"\\ud800\"", "lone surrogate U+D800", "offset 1");
    assertError("\"\\udc00x\"", "lone surrogate U+DC00", "offset 1");
    assertError("\"\\ud800\\u0041\"", "lone surrogate", "offset 1");
    assertError("\"a\ud800\"", "lone surrogate", "offset 2");
    assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("\ud83d\ude00");
    assertThat(Json.parse("\"\ud83d\ude00\"")).isEqualTo("\ud83d\ude00");
  }

  @Test
  void hugeNumbersAreErrorsNotInfinityOrAWrappedInt() {
    assertError("1e999999", "out of range", "offset 0");
    assertError("[-1e400]", "out of range", "offset 1");
    assertThat(Json.parse("123456789012345678901234567890")).isEqualTo(1.2345678901234568E29);
    assertThatThrownBy(() -> Json.read("{\"rank\": 123456789012345678901234567890}", Counts.class))
        .isInstanceOf(JsonException.class).hasMessageContaining("whole number from -2147483648");
    assertThatThrownBy(() -> Json.read("{\"rank\": 2147483648}", Counts.class))
        .isInstanceOf(JsonException.class).hasMessageContaining("2147483648");
    assertThatThrownBy(() -> Json.read("{\"id\": 1.5}", Counts.class))
        .isInstanceOf(JsonException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> Json.read("{\"id\": 1e19}", Counts.class))
        .isInstanceOf(JsonException.class).hasMessageContaining("whole number");
    assertThat(Json.read("{\"rank\": -2147483648, \"id\": 9223372036854775807}", Counts.class))
        .isEqualTo(new Counts(Integer.MIN_VALUE, Long.MAX_VALUE));
    assertThat(Json.read("{\"rank\": 3.0, \"id\": \"7\"}", Counts.class)).isEqualTo(new Counts(3, 7));
  }

  @Test
  void numbersFollowTheJsonGrammar() {
    for (String bad : List.of("01", "+1", ".5", "1.", "1e", "-", "1-2", "--1", "1.e3")) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(JsonException.class)
          .hasMessageContaining("offset");
    }
    assertThat(Json.parse("[0, -0.5, 1E+2, 2e-1, 1234567890123456789]"))
        .isEqualTo(List.of(0L, -0.5, 100.0, 0.2, 1234567890123456789L));
  }

  @Test
  void invalidUtf8IsAnErrorWithTheByteOffset() {
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
    assertThatThrownBy(() -> Json.decodeUtf8(bad)).isInstanceOf(JsonException.class)
        .hasMessageContaining("not valid UTF-8").hasMessageContaining("byte offset 6");
    byte[] surrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
    assertThatThrownBy(() -> Json.decodeUtf8(surrogate)).isInstanceOf(JsonException.class)
        .hasMessageContaining("byte offset 1");
    String text = "{\"name\":\"d\u00e9j\u00e0 \ud83d\ude00\"}";
    assertThat(Json.parseObject(Json.decodeUtf8(text.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(Map.of("name", "d\u00e9j\u00e0 \ud83d\ude00"));
    assertThat(Json.decodeUtf8(new byte[0])).isEmpty();
  }

  @Test
  void truncatedDocumentsEndInAnErrorNotAHang() {
    for (String bad : List.of("{", "[", "{\"a\"", "{\"a\":", "[1,", "\"abc", "tru", "{\"a\":1,}",
        "[1 2]", "{\"a\" 1}", "")) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(JsonException.class)
          .hasMessageContaining("offset");
    }
  }

  private static void assertError(String json, String what, String where) {
    assertThatThrownBy(() -> Json.parse(json)).as(json).isInstanceOf(JsonException.class)
        .hasMessageContaining(what).hasMessageContaining(where);
  }
}
