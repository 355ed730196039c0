package dev.sky4j.requests;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes the followers of a log file when it grows or its writer closes it, so a follower sleeps
 * until there is something to send instead of polling the file and the database every few
 * milliseconds. One per file path, shared by every writer and follower of it in this server.
 */
public final class LogSignal {
  private static final Map<Path, LogSignal> SIGNALS = new ConcurrentHashMap<>();

  private long version;

  private LogSignal() {}

  public static LogSignal of(Path file) {
    return SIGNALS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new LogSignal());
  }

  /** Forgets a file's signal (its log will not change again); a late follower gets a fresh one. */
  static void release(Path file) {
    SIGNALS.remove(file.toAbsolutePath().normalize());
  }

  /** What a follower compares against: it changes on every write. */
  public synchronized long version() {
    return version;
  }

  synchronized void changed() {
    version++;
    notifyAll();
  }

  /**
   * Waits until the log changed since {@code seen} or {@code millis} passed; true if it changed.
   * A follower must still re-check its source on false (the writer may be in another process).
   */
  public synchronized boolean await(long seen, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (version == seen) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }
}
