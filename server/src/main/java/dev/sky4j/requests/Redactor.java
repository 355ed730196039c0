package dev.sky4j.requests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Replaces secret values with {@code <redacted>} in text bound for a log or a response. Values
 * shorter than four characters are left alone: redacting "1" would mangle every line.
 */
public final class Redactor {
  public static final Redactor NONE = new Redactor(List.of());
  private final List<String> secrets;

  public Redactor(Collection<String> values) {
    List<String> v = new ArrayList<>();
    for (String s : values) {
      if (s != null && s.length() >= 4) {
        v.add(s);
      }
    }
    // longest first, so a secret that contains another is replaced whole
    v.sort((a, b) -> b.length() - a.length());
    this.secrets = List.copyOf(v);
  }

  public String apply(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "<redacted>");
    }
    return out;
  }

  public Redactor plus(Collection<String> more) {
    List<String> all = new ArrayList<>(secrets);
    all.addAll(more);
    return new Redactor(all);
  }
}
