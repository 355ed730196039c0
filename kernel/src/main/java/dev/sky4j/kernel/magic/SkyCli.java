package dev.sky4j.kernel.magic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Runs the real {@code sky} CLI for a {@code %sky} magic, so a magic takes exactly the CLI's flags,
 * help and errors (one parser, never a copy), and its progress streams into the cell as the CLI
 * prints it. The CLI is {@code $SKY4J_ROOT/sky} (the kernelspec passes {@code -Dsky4j.root}); it
 * inherits the kernel's environment, so it talks to the same API server and SKY4J_HOME.
 */
public final class SkyCli {
  private final Path launcher;
  private volatile Process running;

  public SkyCli(Path launcher) {
    this.launcher = launcher;
  }

  public static SkyCli fromSystem() {
    String root = System.getProperty("sky4j.root");
    if (root == null || root.isBlank()) {
      root = System.getenv("SKY4J_ROOT");
    }
    return new SkyCli(Path.of(root == null || root.isBlank() ? "." : root, "sky").toAbsolutePath());
  }

  /** Runs {@code sky ARGS}; output goes to {@code out(name, text)} after {@code rewrite}. */
  public int run(List<String> args, BiConsumer<String, String> out, UnaryOperator<String> rewrite)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(launcher)) {
      throw new IOException("cannot find the sky CLI at " + launcher + "; reinstall the kernel "
          + "with ./sky kernel install from the sky4j checkout");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(launcher.toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("SKY4J_NO_BUILD", "1"); // never a minute-long rebuild inside a cell
    Process p = pb.start();
    running = p;
    p.getOutputStream().close();
    Thread err = pump(p.getErrorStream(), "stderr", out, rewrite);
    Thread std = pump(p.getInputStream(), "stdout", out, rewrite);
    try {
      int code = p.waitFor();
      std.join(5_000);
      err.join(5_000);
      return code;
    } finally {
      running = null;
    }
  }

  /** Runs {@code sky ARGS} and returns its stdout (errors go to {@code err}); null on failure. */
  public String capture(List<String> args, BiConsumer<String, String> err)
      throws IOException, InterruptedException {
    StringBuilder sb = new StringBuilder();
    int code = run(args, (name, text) -> {
      if (name.equals("stdout")) {
        sb.append(text);
      } else {
        err.accept(name, text);
      }
    }, UnaryOperator.identity());
    return code == 0 ? sb.toString() : null;
  }

  /** Interrupt of a cell running a magic: the CLI stops following (the server's request goes on). */
  public void interrupt() {
    Process p = running;
    if (p != null) {
      p.destroy();
    }
  }

  private static Thread pump(InputStream in, String name, BiConsumer<String, String> out,
      UnaryOperator<String> rewrite) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buf)) > 0) {
          out.accept(name, rewrite.apply(new String(buf, 0, n, StandardCharsets.UTF_8)));
        }
      } catch (IOException ignored) {
        // the CLI ended
      }
    }, "sky-cli-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
