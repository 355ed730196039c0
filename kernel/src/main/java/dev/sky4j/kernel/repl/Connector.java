package dev.sky4j.kernel.repl;

import java.io.IOException;

/** Opens links to one Python REPL, and explains in plain words when it cannot any more. */
public interface Connector {
  Transport open() throws IOException;

  /** Whether a dropped link may be opened again without losing the Python's state. */
  boolean reconnects();

  /** Whether there is no point trying again (the machine is gone); asked after a failed try. */
  default boolean hopeless() {
    return false;
  }

  /** The message for a link that is gone for good; {@code detail} is the transport's last words. */
  String lost(String detail);
}
