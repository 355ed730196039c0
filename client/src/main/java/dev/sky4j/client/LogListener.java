package dev.sky4j.client;

/** Receives a followed log: text as it arrives (already in order, without gaps or repeats). */
@FunctionalInterface
public interface LogListener {
  void onText(String text);

  /** Called when the stream had to reconnect; the default says nothing. */
  default void onReconnect(long offset, int attempt) {}
}
