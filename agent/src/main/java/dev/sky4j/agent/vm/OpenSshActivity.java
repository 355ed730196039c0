package dev.sky4j.agent.vm;

import dev.sky4j.agent.autostop.SshActivity;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SSH activity on a VM whose SSH server is the system's OpenSSH: every established TCP
 * connection to the node's sshd port (22) counts — an interactive shell, {@code ssh -N -L} with
 * nothing using the forward yet, SFTP, VS Code's Remote-SSH server, {@code ssh host cmd} while it
 * runs — read from the kernel's socket table, so nothing has to hook into sshd. What does not
 * show: the kind of activity (channels are reported as 0), and who the client is, so sky4j's
 * own connections count too unless they mark themselves ({@link ControlSessions}: the
 * server's warm connection runs {@link ControlSessions#MARK_COMMAND} once). A connection that opens and closes between two
 * samples (the autostop tick, 0.5 s) is not seen; idleness is measured from the last one seen.
 */
public final class OpenSshActivity implements SshActivity {
  private final Path procNet;
  private final int sshPort;
  private final InetAddress onlyAddress;
  private final ControlSessions control;
  private final AtomicLong lastActive = new AtomicLong(System.currentTimeMillis());

  /** {@code onlyAddress}: count connections to this local address only; null for any. */
  public OpenSshActivity(Path procNet, int sshPort, InetAddress onlyAddress,
      ControlSessions control) {
    this.procNet = procNet;
    this.sshPort = sshPort;
    this.onlyAddress = onlyAddress;
    this.control = control;
  }

  public static OpenSshActivity forNode(int sshPort, String onlyAddress, Path agentDir)
      throws IOException {
    return new OpenSshActivity(Path.of("/proc/net"), sshPort,
        onlyAddress == null || onlyAddress.isBlank() ? null : InetAddress.getByName(onlyAddress),
        new ControlSessions(agentDir.resolve(ControlSessions.DIR), Path.of("/proc")));
  }

  /**
   * Established connections to sshd right now, less sky4j's marked control connections (a
   * kernel table that cannot be read counts as busy).
   */
  public int connections() {
    try {
      int all = (int) ProcNetTcp.read(procNet).stream()
          .filter(s -> s.established() && s.localPort() == sshPort)
          .filter(s -> onlyAddress == null || onlyAddress.equals(s.local()))
          .count();
      int n = Math.max(0, all - control.live());
      if (n > 0) {
        lastActive.set(System.currentTimeMillis());
      }
      return n;
    } catch (IOException e) {
      lastActive.set(System.currentTimeMillis());
      return 1;
    }
  }

  @Override
  public int userSessions() {
    return connections();
  }

  @Override
  public int activeChannels() {
    return 0;
  }

  @Override
  public long lastActivityMillis() {
    return connections() > 0 ? System.currentTimeMillis() : lastActive.get();
  }
}
