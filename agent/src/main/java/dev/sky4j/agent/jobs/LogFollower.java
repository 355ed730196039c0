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
    return follow(file, offset, done, out, 0);
  }

  /**
   * As above, but also returns once {@code idleMillis} (when above 0) pass without a new byte: a
   * long poll. The reader then asks again from the offset it has, so every read on its side has a
   * bound (a node that dies mid-answer shows up as a read timeout, not a hang) and a reader that
   * went away leaves no follower behind for longer than that.
   */
  public static long follow(Path file, long offset, BooleanSupplier done, OutputStream out,
      long idleMillis) throws IOException {
    long lastByte = System.currentTimeMillis();
    while (!Files.exists(file)) {
      if (done.getAsBoolean() || idle(lastByte, idleMillis)) {
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
          lastByte = System.currentTimeMillis();
        } else if (finished || idle(lastByte, idleMillis)) {
          return offset;
        } else {
          sleep();
        }
      }
    }
  }

  private static boolean idle(long lastByte, long idleMillis) {
    return idleMillis > 0 && System.currentTimeMillis() - lastByte >= idleMillis;
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
