package dev.sky4j.requests;

import dev.sky4j.agent.jobs.StreamRedactor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A request's log file: staged progress lines and the streamed output of setup and run. Every
 * write is redacted first, so secrets never reach the disk: a stage line by the {@link Redactor},
 * streamed output by a {@link StreamRedactor}, which also masks a value split across two writes.
 * Flushed on every write: followers tail the file while it grows.
 */
public final class RequestLog implements AutoCloseable {
  private final Path file;
  private final OutputStream out;
  private volatile Redactor redactor;
  private StreamRedactor stream;
  private java.util.List<String> values;
  private final LogSignal signal;

  public RequestLog(Path file, Redactor redactor) throws IOException {
    Files.createDirectories(file.getParent());
    this.file = file;
    this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    this.redactor = redactor;
    this.values = redactor.values();
    this.stream = new StreamRedactor(values);
    this.signal = LogSignal.of(file);
  }

  public Path file() {
    return file;
  }

  /** Adds secrets discovered after the request started (the task's own {@code secrets:}). */
  public synchronized void addSecrets(java.util.Collection<String> more) {
    redactor = redactor.plus(more);
    java.util.List<String> all = new java.util.ArrayList<>(values);
    all.addAll(more);
    byte[] held = stream.flush(); // a possible start of an old value may start a new one too
    values = all;
    stream = new StreamRedactor(all);
    emit(stream.push(held, 0, held.length));
  }

  /** A progress line for the user, e.g. "Provisioning in local/region-a (attempt 1)". */
  public synchronized void stage(String line) {
    emit(stream.flush()); // output held back before a stage line can no longer become a value
    emit(redactor.apply(line.endsWith("\n") ? line : line + "\n")
        .getBytes(StandardCharsets.UTF_8));
  }

  /** Raw output (possibly partial lines) from a node. */
  public synchronized void write(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    emit(stream.push(b, 0, b.length));
  }

  private void emit(byte[] bytes) {
    if (bytes.length == 0) {
      return;
    }
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      // a full disk must not fail the launch itself; the state row still records the outcome
    }
    signal.changed();
  }

  @Override
  public synchronized void close() {
    emit(stream.flush());
    try {
      out.close();
    } catch (IOException ignored) {
      // nothing left to save
    }
    signal.changed(); // followers re-check whether the request has ended
    LogSignal.release(file);
  }
}
