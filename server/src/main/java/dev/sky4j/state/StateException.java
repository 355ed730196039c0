package dev.sky4j.state;

/** The state file could not be read or written (disk full, corrupt file, locked by another server). */
public final class StateException extends RuntimeException {
  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
