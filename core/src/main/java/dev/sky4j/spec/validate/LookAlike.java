package dev.sky4j.spec.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Names that differ only in characters that look alike ({@code O}/{@code 0}, {@code l}/{@code I}/
 * {@code 1}, {@code S}/{@code 5}, {@code Z}/{@code 2}, {@code B}/{@code 8}) and case: {@code H1OO}
 * is {@code H100}. difflib misses these (half the characters differ), yet they are the typos a
 * reader cannot see.
 */
public final class LookAlike {
  private LookAlike() {}

  /** The name with case and look-alike characters folded to one spelling. */
  public static String fold(String name) {
    String s = name.trim().toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(switch (c) {
        case 'o' -> '0';
        case 'l', 'i', '|' -> '1';
        case 's' -> '5';
        case 'z' -> '2';
        case 'b' -> '8';
        default -> c;
      });
    }
    return b.toString();
  }

  /** Candidates that read the same as {@code name} once folded, in candidate order. */
  public static List<String> find(String name, Collection<String> candidates) {
    String f = fold(name);
    List<String> out = new ArrayList<>();
    for (String c : candidates) {
      if (fold(c).equals(f) && !out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }
}
