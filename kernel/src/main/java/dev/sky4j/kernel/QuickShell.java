package dev.sky4j.kernel;

import java.lang.reflect.Field;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;

/**
 * jjava-jupyter 1.0-a6 polls its shell socket without blocking and then sleeps 50 ms, which adds
 * ~45 ms to every cell (measured: docs/benchmarks.md, "Jupyter kernel"). It has no setting for
 * that, so this sets the shell channel's sleep to a few milliseconds before the connection binds
 * (200 idle wake-ups a second: under 1% of a core). The control channel keeps 50 ms.
 */
final class QuickShell extends JupyterConnection {
  static final long SHELL_SLEEP_MS = 5;

  QuickShell(org.dflib.jjava.jupyter.kernel.KernelConnectionProperties props) throws Exception {
    super(props);
    try {
      Field f = ShellChannel.class.getDeclaredField("sleep");
      f.setAccessible(true);
      f.setLong(shell, SHELL_SLEEP_MS);
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println("sky4j kernel: cannot shorten jjava's shell poll (" + e + "); cells take ~50 ms more");
    }
  }
}
