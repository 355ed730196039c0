package dev.sky4j.agent.jobs;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A job's combined log on the head. Multi-node output is prefixed per line with the rank and
 * address (as SkyPilot does), so the interleaving of ranks stays readable.
 */
final class JobLog implements AutoCloseable {
  private final OutputStream file;

  JobLog(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    file = new FileOutputStream(path.toFile(), true);
  }

  synchronized void write(byte[] b, int off, int len) throws IOException {
    file.write(b, off, len);
    file.flush();
  }

  void line(String text) throws IOException {
    byte[] b = (text + "\n").getBytes(StandardCharsets.UTF_8);
    write(b, 0, b.length);
  }

  /** A stream for one rank's output: whole lines, each with {@code prefix} in front. */
  OutputStream rankStream(String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    return new OutputStream() {
      private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

      @Override
      public void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n') {
          emit();
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
          write(b[i]);
        }
      }

      private void emit() throws IOException {
        byte[] line = pending.toByteArray();
        pending.reset();
        byte[] out = new byte[p.length + line.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(line, 0, out, p.length, line.length);
        JobLog.this.write(out, 0, out.length);
      }

      @Override
      public void close() throws IOException {
        if (pending.size() > 0) {
          pending.write('\n');
          emit();
        }
      }
    };
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
