package dev.sky4j.engine;

import dev.sky4j.client.dto.Problem;
import dev.sky4j.client.dto.StreamEnd;

/** Where a followed job log goes (an SSE connection, or a request's log file). */
public interface LogSink {
  /** Whether the reader went away; streaming stops then. */
  boolean closed();

  void text(long offsetAfter, String text);

  void end(StreamEnd end);

  void problem(Problem p);
}
