package dev.sky4j.kernel.repl;

/** The Python REPL cannot be reached any more; the message says why and what to do next. */
public final class ReplLostException extends Exception {
  public ReplLostException(String message) {
    super(message);
  }
}
