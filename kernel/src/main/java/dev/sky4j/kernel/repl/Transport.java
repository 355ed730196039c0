package dev.sky4j.kernel.repl;

import java.io.InputStream;
import java.io.OutputStream;

/** One open connection to a Python REPL: JSON lines in both directions. */
public interface Transport extends AutoCloseable {
  InputStream in();

  OutputStream out();

  /** The last words of whatever carries the link (ssh's stderr, the process's exit), for errors. */
  String lastWords();

  @Override
  void close();
}
