package dev.sky4j.requests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A request's log file: staged progress lines and the streamed output of setup and run. Every
 * write goes through the {@link Redactor} first, so secrets never reach the disk. Flushed on
 * every write: followers tail the file while it grows.
 */
public final class RequestLog implements AutoCloseable {
  private final Path file;
  private final OutputStream out;
  private volatile Redactor redactor;
  private final LogSignal signal;

  public RequestLog(Path file, Redactor redactor) throws IOException {
    Files.createDirectories(file.getParent());
    this.file = file;
    this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    this.redactor = redactor;
    this.signal = LogSignal.of(file);
  }

  public Path file() {
    return file;
  }

  /** Adds secrets discovered after the request started (the task's own {@code secrets:}). */
  public void addSecrets(java.util.Collection<String> values) {
    redactor = redactor.plus(values);
  }

  /** A progress line for the user, e.g. "Provisioning in local/region-a (attempt 1)". */
  public void stage(String line) {
    write(line.endsWith("\n") ? line : line + "\n");
  }

  /** Raw output (possibly partial lines) from a node. */
  public synchronized void write(String text) {
    try {
      out.write(redactor.apply(text).getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // a full disk must not fail the launch itself; the state row still records the outcome
    }
    signal.changed();
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // nothing left to save
    }
    signal.changed(); // followers re-check whether the request has ended
    LogSignal.release(file);
  }
}
