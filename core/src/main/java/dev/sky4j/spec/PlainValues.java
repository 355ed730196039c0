package dev.sky4j.spec;

import dev.sky4j.spec.yaml.ScalarKind;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns validated YAML nodes into plain Java values (Map, List, String, Long, Double, Boolean). */
final class PlainValues {
  private PlainValues() {}

  static Object of(YNode n) {
    if (n instanceof YNode.Scalar s) {
      return s.value();
    }
    if (n instanceof YNode.Sequence seq) {
      List<Object> out = new ArrayList<>();
      seq.items().forEach(i -> out.add(of(i)));
      return Collections.unmodifiableList(out);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    ((YNode.Mapping) n).entries().forEach(e -> out.put(e.key().text(), of(e.value())));
    return Collections.unmodifiableMap(out);
  }

  /** Python's {@code str()} of a YAML value, as SkyPilot coerces envs/secrets. */
  static String pythonStr(YNode n) {
    if (!(n instanceof YNode.Scalar s)) {
      return String.valueOf(of(n));
    }
    if (s.kind() == ScalarKind.BOOLEAN) {
      return Boolean.TRUE.equals(s.value()) ? "True" : "False";
    }
    if (s.kind() == ScalarKind.NULL) {
      return null;
    }
    return s.kind() == ScalarKind.STRING ? s.text() : String.valueOf(s.value());
  }

  static String str(YNode n) {
    return n instanceof YNode.Scalar s && !s.isNull() ? s.text() : null;
  }
}
