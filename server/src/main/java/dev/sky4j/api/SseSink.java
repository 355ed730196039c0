package dev.sky4j.api;

import dev.sky4j.client.dto.LogChunk;
import dev.sky4j.client.dto.Problem;
import dev.sky4j.client.dto.StreamEnd;
import dev.sky4j.json.Json;
import dev.sky4j.engine.LogSink;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Adapts the engine's log sink to an SSE connection. While the job is silent (the agent's long
 * polls return empty) one shared timer sends a {@code : keep-alive} comment every
 * {@link SseTail#KEEP_ALIVE_MILLIS}, so a quiet stream is told from a dead one; sends are
 * serialised, as the timer and the streaming thread share the connection.
 */
final class SseSink implements LogSink, AutoCloseable {
  private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sse-keep-alive");
    t.setDaemon(true);
    return t;
  });

  private final SseClient client;
  private final ScheduledFuture<?> keepAlive;
  private long lastSent = System.nanoTime();

  SseSink(SseClient client) {
    this.client = client;
    long every = SseTail.KEEP_ALIVE_MILLIS;
    this.keepAlive = TICKER.scheduleWithFixedDelay(this::keepAlive, every, every / 3, TimeUnit.MILLISECONDS);
  }

  private synchronized void keepAlive() {
    if (client.terminated()) {
      keepAlive.cancel(false);
    } else if (System.nanoTime() - lastSent >= SseTail.KEEP_ALIVE_MILLIS * 1_000_000) {
      client.sendComment("keep-alive");
      lastSent = System.nanoTime();
    }
  }

  /** Stops the keep-alives (the stream is over, however it ended). */
  @Override
  public void close() {
    keepAlive.cancel(false);
  }

  @Override
  public boolean closed() {
    return client.terminated();
  }

  @Override
  public synchronized void text(long offsetAfter, String text) {
    client.sendEvent("log", Json.write(new LogChunk(offsetAfter, text)), Long.toString(offsetAfter));
    lastSent = System.nanoTime();
  }

  @Override
  public synchronized void end(StreamEnd end) {
    keepAlive.cancel(false);
    client.sendEvent("end", Json.write(end), "end");
  }

  @Override
  public synchronized void problem(Problem p) {
    keepAlive.cancel(false);
    client.sendEvent("problem", Json.write(p), "problem");
  }
}
