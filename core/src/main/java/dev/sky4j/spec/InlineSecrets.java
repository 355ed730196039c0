package dev.sky4j.spec;

import dev.sky4j.spec.yaml.YNode;
import dev.sky4j.spec.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cuts a task file's inline secret values ({@code secrets: {API_KEY: abc123}}) out of its text,
 * so the text can be stored and shown: each value is replaced, where it stands, by
 * {@code '<redacted>'}, and handed back separately (as SkyPilot stringifies it) to be applied to
 * the parsed task again as an override. The rest of the text stays byte for byte as written, and
 * the result is re-read to prove that nothing but those values changed.
 */
public final class InlineSecrets {
  public static final String PLACEHOLDER = "<redacted>";

  /** The text without secret values, and the values by name (nulls, "give it at launch", left out). */
  public record Split(String text, Map<String, String> values) {
    public Split {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /** The values could not be cut out cleanly; the message says how to write them instead. */
  public static final class Inseparable extends IllegalArgumentException {
    Inseparable(String message) {
      super(message);
    }
  }

  private InlineSecrets() {}

  /**
   * @throws Inseparable when the text does not parse as YAML or a value cannot be cut out alone
   *     (an anchor shared with another field, say)
   */
  public static Split split(String text) {
    if (text == null || !text.contains("secrets")) {
      return new Split(text, Map.of());
    }
    YamlReader.Parsed parsed = YamlReader.read(text);
    if (parsed.hasErrors()) {
      throw new Inseparable("the task YAML does not parse");
    }
    Map<YNode, String> found = new IdentityHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (YNode doc : parsed.documents()) {
      if (doc instanceof YNode.Mapping m && m.get("secrets") instanceof YNode.Mapping s) {
        for (YNode.Entry e : s.entries()) {
          if (!(e.value() instanceof YNode.Scalar v && v.isNull())) {
            found.put(e.value(), e.key().text());
            values.put(e.key().text(), e.value() instanceof YNode.Scalar v
                ? PlainValues.pythonStr(v) : String.valueOf(PlainValues.of(e.value())));
          }
        }
      }
    }
    if (found.isEmpty()) {
      return new Split(text, Map.of());
    }
    String cut = cut(text, new ArrayList<>(found.keySet()));
    YamlReader.Parsed again = YamlReader.read(cut);
    if (again.hasErrors() || !sameApartFromSecrets(parsed.documents(), again.documents())) {
      throw new Inseparable("a secrets: value here cannot be cut out of the file on its own (an"
          + " anchor or alias shared with another field?); write each value plainly under"
          + " secrets:, or leave it empty and pass it with --secret NAME=VALUE");
    }
    return new Split(cut, values);
  }

  /** {@code text} with each node's span replaced by the quoted placeholder, last span first. */
  private static String cut(String text, List<YNode> nodes) {
    List<Integer> lineStarts = lineStarts(text);
    List<int[]> spans = new ArrayList<>();
    for (YNode n : nodes) {
      int from = offset(text, lineStarts, n.range().startLine(), n.range().startColumn());
      int to = offset(text, lineStarts, n.range().endLine(), n.range().endColumn());
      if (spans.stream().noneMatch(s -> s[0] == from && s[1] == to)) {
        spans.add(new int[] {from, to});
      }
    }
    spans.sort(Comparator.comparingInt((int[] s) -> s[0]).reversed());
    StringBuilder sb = new StringBuilder(text);
    for (int[] s : spans) {
      String old = text.substring(s[0], s[1]);
      int keep = old.length();
      while (keep > 0 && Character.isWhitespace(old.charAt(keep - 1))) {
        keep--;
      }
      // a block scalar's span runs over its line breaks: they stay, so the next key keeps its line
      sb.replace(s[0], s[1], "'" + PLACEHOLDER + "'" + old.substring(keep));
    }
    return sb.toString();
  }

  private static List<Integer> lineStarts(String text) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return starts;
  }

  /** The char index of a 1-based line and code-point column (clamped to the text). */
  private static int offset(String text, List<Integer> lineStarts, int line, int column) {
    if (line > lineStarts.size()) {
      return text.length();
    }
    int start = lineStarts.get(Math.max(0, line - 1));
    int at = start;
    for (int c = 1; c < column && at < text.length(); c++) {
      at += Character.charCount(text.codePointAt(at));
    }
    return at;
  }

  private static boolean sameApartFromSecrets(List<YNode> before, List<YNode> after) {
    if (before.size() != after.size()) {
      return false;
    }
    for (int i = 0; i < before.size(); i++) {
      if (!Objects.equals(masked(before.get(i)), masked(after.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** The document as plain values, each non-null secret value replaced by the placeholder. */
  private static Object masked(YNode doc) {
    Object plain = PlainValues.of(doc);
    if (!(plain instanceof Map<?, ?> m) || !(m.get("secrets") instanceof Map<?, ?> s)) {
      return plain;
    }
    Map<Object, Object> secrets = new LinkedHashMap<>();
    s.forEach((k, v) -> secrets.put(k, v == null ? null : PLACEHOLDER));
    Map<Object, Object> out = new LinkedHashMap<>(m);
    out.put("secrets", secrets);
    return out;
  }
}
