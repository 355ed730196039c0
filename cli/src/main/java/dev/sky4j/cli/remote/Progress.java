package dev.sky4j.cli.remote;

import dev.sky4j.client.LogListener;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints a followed request log. On a terminal, while nothing new arrives, the last line (the
 * current stage: "Provisioning ...", "Waiting for SSH ...", or a quiet job's last output) turns
 * into a spinner with the seconds it has taken; the next text puts the line back as it was.
 * Anywhere else (pipes, files, CI) the text passes through unchanged: plain lines only.
 */
final class Progress implements LogListener, AutoCloseable {
  private static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
  private static final long IDLE_MS = 300;

  private final PrintStream out;
  private final int width;
  private final ScheduledExecutorService timer;
  private String lastLine;
  private long lastLineAt;
  private boolean atLineStart = true;
  private boolean spinning;
  private int frame;

  /** {@code animate} false: a plain pass-through. */
  Progress(PrintStream out, boolean animate, int width) {
    this.out = out;
    this.width = width;
    if (animate) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    } else {
      timer = null;
    }
  }

  /** For the CLI's own output: animated on an interactive terminal unless SKY4J_PLAIN is set. */
  static Progress forStdout() {
    boolean tty = System.console() != null && !"dumb".equals(System.getenv("TERM"))
        && System.getenv("SKY4J_PLAIN") == null;
    int cols = 80;
    try {
      String c = System.getenv("COLUMNS");
      cols = c == null ? 80 : Integer.parseInt(c.trim());
    } catch (NumberFormatException ignored) {
      // keep 80
    }
    return new Progress(System.out, tty, cols);
  }

  @Override
  public synchronized void onText(String text) {
    restore();
    out.print(text);
    out.flush();
    atLineStart = text.endsWith("\n");
    String[] lines = text.split("\n", -1);
    // the last complete line: the one before the trailing "" when text ends with a newline
    int i = atLineStart ? lines.length - 2 : -1;
    if (i >= 0 && !lines[i].isBlank()) {
      lastLine = lines[i];
      lastLineAt = System.currentTimeMillis();
    } else if (!atLineStart) {
      lastLine = null;
    }
  }

  /** Redraws the last line with a spinner, when the output has been quiet for a moment. */
  synchronized void tick() {
    long idle = System.currentTimeMillis() - lastLineAt;
    // a line that wrapped cannot be redrawn in place: leave those alone
    if (!atLineStart || lastLine == null || idle < IDLE_MS || lastLine.length() + 12 > width) {
      return;
    }
    frame = (frame + 1) % FRAMES.length;
    out.print("\u001b[1A\r\u001b[K" + FRAMES[frame] + " " + lastLine + " (" + idle / 1000 + "s)\n");
    out.flush();
    spinning = true;
  }

  private void restore() {
    if (spinning) {
      out.print("\u001b[1A\r\u001b[K" + lastLine + "\n");
      spinning = false;
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    restore();
    out.flush();
  }
}
