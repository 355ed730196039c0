package dev.sky4j.api;

import dev.sky4j.client.dto.LogChunk;
import dev.sky4j.client.dto.StreamEnd;
import dev.sky4j.json.Json;
import dev.sky4j.requests.LogSignal;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Streams a growing file as SSE {@code log} events whose id is the byte offset after the chunk,
 * so a client that reconnects with that offset gets the rest without gaps or repeats. Ends with
 * an {@code end} event once {@code finished} is true and everything was sent.
 *
 * <p>A follower sleeps on the file's {@link LogSignal} until its writer adds to it or closes it,
 * so it reads the file and asks {@code finished} (a database read) once per write, or once a
 * second when idle, rather than every 40 ms; after {@link #KEEP_ALIVE_MILLIS} of silence it sends a {@code : keep-alive}
 * comment, so that proxies and clients can tell a quiet stream from a dead one.
 */
final class SseTail {
  private static final int MAX_CHUNK = 64 * 1024;
  static final long KEEP_ALIVE_MILLIS = 15_000;
  /** The longest a follower sleeps without re-checking (a writer elsewhere, an end recorded late). */
  private static final long RECHECK_MILLIS = 1_000;

  private SseTail() {}

  static void stream(SseClient client, Path file, long offset, BooleanSupplier finished,
      Supplier<StreamEnd> end, boolean follow) throws IOException, InterruptedException {
    long pos = offset;
    byte[] buf = new byte[MAX_CHUNK];
    long lastSent = System.nanoTime();
    while (!client.terminated()) {
      LogSignal signal = LogSignal.of(file);
      long seen = signal.version();
      boolean done = finished.getAsBoolean(); // before draining: nothing written after it is lost
      long before = pos;
      pos = drain(client, file, pos, buf);
      if (done || !follow) {
        client.sendEvent("end", Json.write(end.get()), Long.toString(pos));
        return;
      }
      if (pos > before) {
        lastSent = System.nanoTime();
      } else if (System.nanoTime() - lastSent >= KEEP_ALIVE_MILLIS * 1_000_000) {
        client.sendComment("keep-alive");
        lastSent = System.nanoTime();
      }
      signal.await(seen, RECHECK_MILLIS);
    }
  }

  /** Sends everything from {@code pos} to the file's current end; returns the new offset. */
  private static long drain(SseClient client, Path file, long pos, byte[] buf) throws IOException {
    while (!client.terminated()) {
      long size = Files.exists(file) ? Files.size(file) : 0;
      if (pos >= size) {
        return pos;
      }
      int usable;
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
        raf.seek(pos);
        int n = raf.read(buf, 0, (int) Math.min(buf.length, size - pos));
        usable = dev.sky4j.engine.Utf8.complete(buf, n);
      }
      if (usable <= 0) {
        return pos; // a character split across writes: the rest comes with the next one
      }
      pos += usable;
      String text = new String(buf, 0, usable, StandardCharsets.UTF_8);
      client.sendEvent("log", Json.write(new LogChunk(pos, text)), Long.toString(pos));
    }
    return pos;
  }
}
