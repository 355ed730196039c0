package dev.sky4j.agent.ssh;

import dev.sky4j.agent.jobs.ProcessTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * Runs one SSH exec request (or an interactive shell) as {@code /bin/sh -c CMD} in the node's
 * home, as a VM's sshd would. MINA's own ProcessShellCommandFactory splits on spaces and uses no
 * shell or working folder, so quoting, pipes and {@code cd} would break with it.
 */
final class ShellCommand implements Command {
  private final List<String> argv;
  private final Path home;
  private InputStream in;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private volatile Process process;

  ShellCommand(List<String> argv, Path home) {
    this.argv = argv;
    this.home = home;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(home.toFile());
    Map<String, String> penv = pb.environment();
    penv.put("HOME", home.toString());
    env.getEnv().forEach((k, v) -> {
      // the client's locale/TERM/SetEnv pass through; never let it move the node's home
      if (!k.equals("HOME")) {
        penv.put(k, v);
      }
    });
    Process p = pb.start();
    process = p;
    CountDownLatch pumps = new CountDownLatch(2);
    pump("ssh-out", p.getInputStream(), out, pumps);
    pump("ssh-err", p.getErrorStream(), err, pumps);
    Thread stdin = new Thread(() -> copyStdin(p), "ssh-in");
    stdin.setDaemon(true);
    stdin.start();
    Thread waiter = new Thread(() -> {
      try {
        int code = p.waitFor();
        pumps.await();
        exit.onExit(code);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ssh-wait");
    waiter.setDaemon(true);
    waiter.start();
  }

  private void copyStdin(Process p) {
    byte[] buf = new byte[8192];
    try (OutputStream pin = p.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        pin.write(buf, 0, n);
        pin.flush();
      }
    } catch (IOException ignored) {
      // the process exited or the client closed stdin: nothing more to copy
    }
  }

  private static void pump(String name, InputStream from, OutputStream to, CountDownLatch done) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = from.read(buf)) >= 0) {
          to.write(buf, 0, n);
          to.flush();
        }
      } catch (IOException ignored) {
        // client went away; the process is killed by destroy()
      } finally {
        done.countDown();
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void destroy(ChannelSession channel) {
    Process p = process;
    if (p != null && p.isAlive()) {
      ProcessTree.kill(p.toHandle(), false);
    }
  }
}
