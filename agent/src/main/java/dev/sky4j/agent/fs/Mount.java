package dev.sky4j.agent.fs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One thing to show at an absolute path inside a node. {@code BIND}: the host folder {@code
 * source} itself (a storage bucket shared by every node and outliving the cluster). {@code COPY}:
 * a folder on the node's own disk, seeded once from {@code source} when given (storage in COPY
 * mode) or filled afterwards over SFTP (a {@code file_mounts} copy from the laptop).
 */
public record Mount(String destination, String source, Mode mode) {
  public enum Mode { BIND, COPY }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("destination", destination);
    m.put("source", source);
    m.put("mode", mode.name());
    return m;
  }

  public static Mount fromJson(Map<String, Object> m) {
    Object dest = m.get("destination");
    Object mode = m.get("mode");
    if (!(dest instanceof String d) || d.isBlank()) {
      throw new IllegalArgumentException("a mount needs a destination");
    }
    Mode parsed;
    try {
      parsed = Mode.valueOf(String.valueOf(mode).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mount mode must be BIND or COPY, not " + mode);
    }
    Object src = m.get("source");
    return new Mount(d, src == null ? null : String.valueOf(src), parsed);
  }
}
