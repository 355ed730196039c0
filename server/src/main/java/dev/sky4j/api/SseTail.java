package dev.sky4j.api;

import dev.sky4j.client.dto.LogChunk;
import dev.sky4j.client.dto.StreamEnd;
import dev.sky4j.json.Json;
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
 */
final class SseTail {
  private static final int MAX_CHUNK = 64 * 1024;

  private SseTail() {}

  static void stream(SseClient client, Path file, long offset, BooleanSupplier finished,
      Supplier<StreamEnd> end, boolean follow) throws IOException, InterruptedException {
    long pos = offset;
    byte[] buf = new byte[MAX_CHUNK];
    while (!client.terminated()) {
      boolean done = finished.getAsBoolean();
      long size = Files.exists(file) ? Files.size(file) : 0;
      if (pos < size) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
          raf.seek(pos);
          int n = raf.read(buf, 0, (int) Math.min(buf.length, size - pos));
          int usable = dev.sky4j.engine.Utf8.complete(buf, n);
          if (usable > 0) {
            pos += usable;
            String text = new String(buf, 0, usable, StandardCharsets.UTF_8);
            client.sendEvent("log", Json.write(new LogChunk(pos, text)), Long.toString(pos));
            continue;
          }
        }
      }
      if (done || !follow) {
        client.sendEvent("end", Json.write(end.get()), Long.toString(pos));
        return;
      }
      Thread.sleep(40);
    }
  }
}
