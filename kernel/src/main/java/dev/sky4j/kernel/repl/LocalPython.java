package dev.sky4j.kernel.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The notebook's own Python, before a cluster is attached (and after a detach): a child process
 * of the kernel, in the notebook's folder. {@code SKY4J_KERNEL_PYTHON} picks the interpreter
 * (default {@code python3} on the PATH).
 */
public final class LocalPython implements Connector {
  private final Path script;

  public LocalPython(Path script) {
    this.script = script;
  }

  public static String interpreter() {
    String p = System.getenv("SKY4J_KERNEL_PYTHON");
    return p == null || p.isBlank() ? "python3" : p.strip();
  }

  @Override
  public Transport open() throws IOException {
    return ProcessTransport.start(List.of(interpreter(), "-u", script.toString(), "stdio"), null,
        Map.of("PYTHONUNBUFFERED", "1"));
  }

  @Override
  public boolean reconnects() {
    return false;
  }

  @Override
  public String lost(String detail) {
    return "the local Python exited" + (detail == null || detail.isBlank() ? "" : " (" + detail
        + ")") + ". Restart the kernel for a fresh one.";
  }
}
