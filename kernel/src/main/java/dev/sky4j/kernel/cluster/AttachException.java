package dev.sky4j.kernel.cluster;

/** Attaching failed; the message says why and what to do next. */
public final class AttachException extends Exception {
  public AttachException(String message) {
    super(message);
  }
}
