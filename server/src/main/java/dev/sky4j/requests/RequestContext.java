package dev.sky4j.requests;

/**
 * What a running operation sees: its id, its log, and whether the user cancelled it. Operations
 * call {@link #checkCancelled()} between stages so a cancel takes effect at a clean boundary.
 */
public final class RequestContext {
  private final String id;
  private final RequestLog log;
  private volatile boolean cancelled;

  public RequestContext(String id, RequestLog log) {
    this.id = id;
    this.log = log;
  }

  public String id() {
    return id;
  }

  public RequestLog log() {
    return log;
  }

  public boolean cancelled() {
    return cancelled;
  }

  /**
   * Marks the operation cancelled; it stops at its next stage boundary. Whoever runs the
   * operation may also interrupt its thread to cut a wait short (the request executor and
   * managed-job controllers do).
   */
  public void cancel() {
    cancelled = true;
  }

  public void checkCancelled() {
    if (cancelled) {
      throw new CancelledException();
    }
  }

  /** Thrown at a stage boundary once the request is cancelled. */
  public static final class CancelledException extends RuntimeException {
    public CancelledException() {
      super("cancelled by the user");
    }
  }
}
