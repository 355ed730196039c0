package dev.sky4j.agent.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Following a log over HTTP as a series of long polls: each request asks the agent to return
 * after {@link #IDLE_MILLIS} without output ({@code idleMillis}), and reads with a timeout of
 * {@link #READ_TIMEOUT_MILLIS}, longer than that heartbeat. So a silent job costs one small
 * request per 15 s, a dead node is noticed within 45 s instead of never, and an agent never keeps
 * a follower for a reader that went away.
 */
public final class LongPoll {
  public static final long IDLE_MILLIS = 15_000;
  public static final int READ_TIMEOUT_MILLIS = 45_000;

  private LongPoll() {}

  /** Whether what is being followed has ended (checked after each poll). */
  public interface Ended {
    boolean get() throws IOException;
  }

  /**
   * Copies {@code pathWithQuery} (which must already carry a query, e.g. {@code
   * /jobs/3/log?follow=true}) from {@code offset} until {@code ended}; returns the bytes copied.
   */
  public static long follow(HttpJsonClient http, String pathWithQuery, long offset,
      OutputStream out, Ended ended) throws IOException {
    long copied = 0;
    while (true) {
      copied += http.stream(pathWithQuery + "&offset=" + (offset + copied) + "&idleMillis="
          + IDLE_MILLIS, out, READ_TIMEOUT_MILLIS);
      if (ended.get()) {
        // what was written between the last byte sent and the end
        return copied + http.stream(pathWithQuery + "&offset=" + (offset + copied), out,
            READ_TIMEOUT_MILLIS);
      }
    }
  }
}
