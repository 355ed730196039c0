package dev.sky4j.agent.vm;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Powers this machine off with its own shutdown ({@code sudo -n shutdown -h now}: the login user
 * has password-less sudo through cloud-init). The cloud then applies the instance's
 * instance-initiated shutdown behaviour — stop (disk kept) or terminate — so the node needs no
 * cloud credentials to stop itself.
 */
public final class VmShutdown {
  private final List<String> command;

  public VmShutdown(List<String> command) {
    this.command = List.copyOf(command);
  }

  public void now() throws IOException {
    System.err.println(Instant.now() + " vm: powering off (" + String.join(" ", command) + ")");
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("`" + String.join(" ", command) + "` failed (exit "
            + (p.isAlive() ? "none after 60 s" : p.exitValue()) + "); is sudo password-less"
            + " for this user?");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while powering off", e);
    }
  }
}
