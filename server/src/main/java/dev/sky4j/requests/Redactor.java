package dev.sky4j.requests;

import dev.sky4j.agent.jobs.StreamRedactor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Replaces secret values with {@code <redacted>} in whole text bound for a log or a response
 * (streams that arrive in chunks use {@link StreamRedactor}). Values shorter than
 * {@link StreamRedactor#MIN_LENGTH} characters are left alone: redacting "1" would mangle every
 * line.
 */
public final class Redactor {
  public static final Redactor NONE = new Redactor(List.of());
  private final List<String> secrets;

  public Redactor(Collection<String> values) {
    List<String> v = new ArrayList<>();
    for (String s : values) {
      if (s != null && s.codePointCount(0, s.length()) >= StreamRedactor.MIN_LENGTH) {
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

  /** The values this redactor masks. */
  public List<String> values() {
    return secrets;
  }

  public Redactor plus(Collection<String> more) {
    List<String> all = new ArrayList<>(secrets);
    all.addAll(more);
    return new Redactor(all);
  }
}
