package dev.sky4j.kernel.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A link that is a child process's stdin/stdout: the local Python itself, or {@code ssh} running
 * the bridge on the cluster. The last lines of its stderr are kept to explain a failure.
 */
public final class ProcessTransport implements Transport {
  private final Process process;
  private final StringBuffer stderrTail = new StringBuffer();

  private ProcessTransport(Process process) {
    this.process = process;
    Thread t = new Thread(this::drainStderr, "repl-stderr");
    t.setDaemon(true);
    t.start();
  }

  public static ProcessTransport start(List<String> command, java.nio.file.Path dir,
      java.util.Map<String, String> env) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().putAll(env);
    return new ProcessTransport(pb.start());
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  private void drainStderr() {
    try (InputStream err = process.getErrorStream()) {
      byte[] buf = new byte[4096];
      int n;
      while ((n = err.read(buf)) > 0) {
        String s = new String(buf, 0, n, StandardCharsets.UTF_8);
        System.err.print(s); // the kernel's log, as Jupyter shows it
        stderrTail.append(s);
        if (stderrTail.length() > 4000) {
          stderrTail.delete(0, stderrTail.length() - 2000);
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  @Override
  public InputStream in() {
    return process.getInputStream();
  }

  @Override
  public OutputStream out() {
    return process.getOutputStream();
  }

  @Override
  public String lastWords() {
    String tail = stderrTail.toString().strip();
    String[] lines = tail.split("\n");
    String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
    if (!process.isAlive()) {
      return (last.isEmpty() ? "" : last + "; ") + "exit code " + process.exitValue();
    }
    return last;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (IOException | InterruptedException e) {
      process.destroy();
    }
  }
}
