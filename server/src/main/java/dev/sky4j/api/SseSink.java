package dev.sky4j.api;

import dev.sky4j.client.dto.LogChunk;
import dev.sky4j.client.dto.Problem;
import dev.sky4j.client.dto.StreamEnd;
import dev.sky4j.json.Json;
import dev.sky4j.engine.LogSink;
import io.javalin.http.sse.SseClient;

/** Adapts the engine's log sink to an SSE connection. */
final class SseSink implements LogSink {
  private final SseClient client;

  SseSink(SseClient client) {
    this.client = client;
  }

  @Override
  public boolean closed() {
    return client.terminated();
  }

  @Override
  public void text(long offsetAfter, String text) {
    client.sendEvent("log", Json.write(new LogChunk(offsetAfter, text)), Long.toString(offsetAfter));
  }

  @Override
  public void end(StreamEnd end) {
    client.sendEvent("end", Json.write(end), "end");
  }

  @Override
  public void problem(Problem p) {
    client.sendEvent("problem", Json.write(p), "problem");
  }
}
