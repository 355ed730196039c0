package dev.sky4j.agent.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Masks secret values in a byte stream that arrives in chunks, so a value split across two (or
 * more) chunks is caught too: the end of a chunk that could still be the start of a value is held
 * back until the next chunk shows whether it is, and given out as it is at the end of the
 * stream. Only the longest such tail is held (never more than the longest value less one byte),
 * so output that cannot begin a secret is never delayed.
 *
 * <p>Each value is replaced by as many {@code *} as it has bytes: every byte offset in the masked
 * stream is the same offset in the original, so a reader that resumes a log from an offset (SSE
 * ids, managed-job log copies) stays exact. Values shorter than {@link #MIN_LENGTH} characters are
 * not masked: masking {@code 1} or {@code ab} would wreck every line and hide little.
 */
public final class StreamRedactor {
  /** The shortest value that is masked. */
  public static final int MIN_LENGTH = 4;

  private final byte[][] secrets; // longest first: a value containing another is masked whole
  private final boolean[] starts = new boolean[256];
  private final boolean[] pairs = new boolean[1 << 16]; // first two bytes: a cheap pre-filter
  private byte[] held = new byte[0];

  public StreamRedactor(Collection<String> values) {
    List<byte[]> v = new ArrayList<>();
    for (String s : values) {
      if (s != null && s.codePointCount(0, s.length()) >= MIN_LENGTH) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (v.stream().noneMatch(x -> java.util.Arrays.equals(x, b))) {
          v.add(b);
          starts[b[0] & 0xff] = true;
          pairs[(b[0] & 0xff) << 8 | (b[1] & 0xff)] = true; // every value has 4+ bytes
        }
      }
    }
    v.sort((a, b) -> b.length - a.length);
    this.secrets = v.toArray(new byte[0][]);
  }

  public boolean isEmpty() {
    return secrets.length == 0;
  }

  /** Bytes held back so far (a possible start of a value). */
  public int held() {
    return held.length;
  }

  /** The next chunk: returns what can be given out now, masked. */
  public byte[] push(byte[] chunk, int off, int len) {
    if (secrets.length == 0) {
      return java.util.Arrays.copyOfRange(chunk, off, off + len);
    }
    byte[] buf = new byte[held.length + len];
    System.arraycopy(held, 0, buf, 0, held.length);
    System.arraycopy(chunk, off, buf, held.length, len);
    byte[] out = new byte[buf.length]; // a mask is as long as its value: never more than in
    int o = 0;
    int i = 0;
    scan:
    while (i < buf.length) {
      int run = i;
      while (run < buf.length && !mayStart(buf, run)) {
        run++; // bytes that begin no value go out in one copy
      }
      System.arraycopy(buf, i, out, o, run - i);
      o += run - i;
      i = run;
      if (i == buf.length) {
        break;
      }
      for (byte[] s : secrets) {
        int have = Math.min(s.length, buf.length - i);
        if (!regionMatches(buf, i, s, have)) {
          continue;
        }
        if (have < s.length) {
          break scan; // the rest of the buffer may begin this value: wait for more
        }
        java.util.Arrays.fill(out, o, o + s.length, (byte) '*');
        o += s.length;
        i += s.length;
        continue scan;
      }
      out[o++] = buf[i++];
    }
    held = java.util.Arrays.copyOfRange(buf, i, buf.length);
    return o == out.length ? out : java.util.Arrays.copyOf(out, o);
  }

  /** The end of the stream: what was held back, which no later byte can complete now. */
  public byte[] flush() {
    byte[] rest = held;
    held = new byte[0];
    return rest;
  }

  private boolean mayStart(byte[] buf, int at) {
    return at + 1 < buf.length ? pairs[(buf[at] & 0xff) << 8 | (buf[at + 1] & 0xff)]
        : starts[buf[at] & 0xff];
  }

  private static boolean regionMatches(byte[] buf, int at, byte[] s, int n) {
    for (int k = 0; k < n; k++) {
      if (buf[at + k] != s[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code out} with this redactor in front. {@link #finish} ends it: with {@code complete} (no
   * byte will ever follow) the held-back tail is written; otherwise it is dropped, and a reader
   * that asks again from the offset it reached reads those bytes again, with what follows.
   */
  public Out wrap(OutputStream out) {
    return new Out(out);
  }

  /** An output stream that masks what passes through. */
  public final class Out extends OutputStream {
    private final OutputStream out;

    private Out(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(push(b, off, len));
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    public void finish(boolean complete) throws IOException {
      byte[] rest = StreamRedactor.this.flush();
      if (complete) {
        out.write(rest);
      }
      out.flush();
    }
  }
}
