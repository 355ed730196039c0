package dev.sky4j.client;

import java.util.Locale;

/** Byte counts as people read them: 1.5 GB, 320 KB. */
public final class Sizes {
  private Sizes() {}

  public static String human(long bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
