package dev.sky4j.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one JSON codec, as the API, the agent and the CLI's {@code -o json} rely on it. */
class JsonTest {
  record Node(String name, int rank, Double gpus, List<String> tags, Kind kind) {}

  enum Kind { HEAD, WORKER }

  @Test
  void recordsRoundTripWithNullComponentsLeftOut() {
    Node n = new Node("a\"b\n", 2, null, List.of("x"), Kind.HEAD);
    String text = Json.write(n);
    assertThat(text).isEqualTo("{\"name\":\"a\\\"b\\n\",\"rank\":2,\"tags\":[\"x\"],\"kind\":\"HEAD\"}");
    assertThat(Json.read(text, Node.class)).isEqualTo(n);
  }

  @Test
  void numbersParseAsLongOrDoubleAndWholeDoublesWriteWithoutAFraction() {
    assertThat(Json.parse("[1, -2, 2.5, 1e3, 99999999999999999999]"))
        .isEqualTo(List.of(1L, -2L, 2.5, 1000.0, 1e20));
    assertThat(Json.write(List.of(8.0, 0.125, Double.NaN))).isEqualTo("[8,0.125,null]");
  }

  @Test
  void prettyOutputKeepsTheLayoutCliScriptsSaw() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("qty", 8.0);
    doc.put("n", 3);
    doc.put("none", null);
    doc.put("empty", List.of());
    doc.put("rows", List.of(Map.of("a", 1), "s"));
    doc.put("obj", Map.of());
    assertThat(Json.writePretty(doc)).isEqualTo("""
        {
          "qty" : 8.0,
          "n" : 3,
          "none" : null,
          "empty" : [ ],
          "rows" : [ {
            "a" : 1
          }, "s" ],
          "obj" : { }
        }""");
  }

  @Test
  void malformedTextIsABadArgumentWithItsOffset() {
    assertThatThrownBy(() -> Json.parse("{\"a\": 1,}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a field name at offset 8");
    assertThatThrownBy(() -> Json.parse("[1] x")).isInstanceOf(JsonException.class)
        .hasMessageContaining("offset 4");
    assertThatThrownBy(() -> Json.parseObject("[1]")).isInstanceOf(JsonException.class)
        .hasMessage("expected a JSON object");
  }

  @Test
  void escapesControlCharactersAndUnescapesThem() {
    String s = "tab\there \u0001 \\ \"q\" é";
    assertThat(Json.quote(s)).isEqualTo("\"tab\\there \\u0001 \\\\ \\\"q\\\" é\"");
    assertThat(Json.parse(Json.quote(s))).isEqualTo(s);
    assertThat(Json.quote(null)).isEqualTo("null");
  }
}
