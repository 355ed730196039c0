package dev.sky4j.spec.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Python's {@code difflib.get_close_matches} (Ratcliff/Obershelp ratio, cutoff 0.6), so the
 * "did you mean" answers are the ones SkyPilot users already get.
 */
public final class CloseMatch {
  private CloseMatch() {}

  /** Up to {@code n} candidates with ratio >= {@code cutoff}, best first. */
  public static List<String> find(String word, Collection<String> candidates, int n, double cutoff) {
    record Scored(String s, double r) {}
    List<Scored> hits = new ArrayList<>();
    for (String c : candidates) {
      double r = ratio(word, c);
      if (r >= cutoff) {
        hits.add(new Scored(c, r));
      }
    }
    hits.sort(Comparator.comparingDouble(Scored::r).reversed());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < hits.size() && i < n; i++) {
      out.add(hits.get(i).s());
    }
    return out;
  }

  /** The single best match or null. */
  public static String best(String word, Collection<String> candidates) {
    List<String> m = find(word, candidates, 1, 0.6);
    return m.isEmpty() ? null : m.get(0);
  }

  static double ratio(String a, String b) {
    int total = a.length() + b.length();
    return total == 0 ? 1.0 : 2.0 * matches(a, 0, a.length(), b, 0, b.length()) / total;
  }

  /** Characters in matching blocks: longest common substring, then recurse on both sides. */
  private static int matches(String a, int alo, int ahi, String b, int blo, int bhi) {
    int bestI = alo;
    int bestJ = blo;
    int bestSize = 0;
    for (int i = alo; i < ahi; i++) {
      for (int j = blo; j < bhi; j++) {
        int k = 0;
        while (i + k < ahi && j + k < bhi && a.charAt(i + k) == b.charAt(j + k)) {
          k++;
        }
        if (k > bestSize) {
          bestI = i;
          bestJ = j;
          bestSize = k;
        }
      }
    }
    if (bestSize == 0) {
      return 0;
    }
    return bestSize + matches(a, alo, bestI, b, blo, bestJ)
        + matches(a, bestI + bestSize, ahi, b, bestJ + bestSize, bhi);
  }
}
