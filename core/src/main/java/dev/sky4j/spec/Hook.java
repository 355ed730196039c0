package dev.sky4j.spec;

import java.util.List;

/** A lifecycle hook from {@code config.hooks}: a script run before stop, down or preemption. */
public record Hook(String run, List<String> events, int timeoutSeconds) {
  public static final int DEFAULT_TIMEOUT_SECONDS = 3600;

  public Hook {
    events = List.copyOf(events);
  }
}
