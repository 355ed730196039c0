package dev.sky4j.engine;

/** Where a byte buffer can be cut without splitting a UTF-8 character. */
public final class Utf8 {
  private Utf8() {}

  /** How many of the first {@code n} bytes end on a whole character. */
  public static int complete(byte[] b, int n) {
    int i = n - 1;
    int back = 0;
    while (i >= 0 && back < 4 && (b[i] & 0xC0) == 0x80) {
      i--;
      back++;
    }
    if (i < 0) {
      return n;
    }
    int lead = b[i] & 0xFF;
    int len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return (n - i) >= len ? n : i;
  }
}
