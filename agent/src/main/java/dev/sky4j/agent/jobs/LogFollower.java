package dev.sky4j.agent.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;

/**
 * Copies a growing log file from a byte offset until its writer is done, like {@code tail -f}
 * that knows when to stop. Polls every 10 ms: low latency without inotify, and a reader that
 * reconnects simply passes the offset it has already seen.
 */
public final class LogFollower {
  private static final long POLL_MILLIS = 10;

  private LogFollower() {}

  /** Returns the offset after the last byte written to {@code out}. */
  public static long follow(Path file, long offset, BooleanSupplier done, OutputStream out)
      throws IOException {
    while (!Files.exists(file)) {
      if (done.getAsBoolean()) {
        return offset;
      }
      sleep();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ch.position(offset);
      ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
      while (true) {
        boolean finished = done.getAsBoolean();
        buf.clear();
        int n = ch.read(buf);
        if (n > 0) {
          out.write(buf.array(), 0, n);
          out.flush();
          offset += n;
        } else if (finished) {
          return offset;
        } else {
          sleep();
        }
      }
    }
  }

  private static void sleep() throws IOException {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while following a log", e);
    }
  }
}
