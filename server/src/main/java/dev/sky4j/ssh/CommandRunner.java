package dev.sky4j.ssh;

import dev.sky4j.agent.ssh.SessionTracker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;

/**
 * Commands, file sync and tunnels on one node over one warm sshj connection. A dropped
 * connection is re-established on the next call; a command whose session could not even open is
 * retried once on the new connection (it never ran, so retrying cannot run it twice).
 * Host keys are not pinned, as SkyPilot's generated config does not pin them either.
 */
public final class CommandRunner implements AutoCloseable {
  /** A finished command's exit code and captured output. */
  public record Result(int exitCode, String stdout, String stderr) {}

  private final SshTarget target;
  private SSHClient ssh;

  public CommandRunner(SshTarget target) {
    this.target = target;
  }

  public SshTarget target() {
    return target;
  }

  /** Connects now (or fails with the reason), instead of on the first command. */
  public synchronized void connect() throws IOException {
    client();
  }

  synchronized SSHClient client() throws IOException {
    if (ssh != null && ssh.isConnected() && ssh.isAuthenticated()) {
      return ssh;
    }
    closeQuietly();
    // tagged as sky4j's control client: its warm connections must not hold off autostop
    DefaultConfig cfg = new DefaultConfig();
    cfg.setVersion(SessionTracker.CONTROL_CLIENT);
    SSHClient c = new SSHClient(cfg);
    c.addHostKeyVerifier(new PromiscuousVerifier());
    c.setConnectTimeout(5_000);
    try {
      c.connect(target.host(), target.port());
      c.getSocket().setTcpNoDelay(true);
      c.authPublickey(target.user(), c.loadKeys(target.privateKey().toString()));
      c.getConnection().getKeepAlive().setKeepAliveInterval(15);
    } catch (IOException e) {
      c.close();
      throw new IOException("cannot SSH to " + target.user() + "@" + target.host() + ":"
          + target.port() + " (" + e.getMessage() + "): is the node up? try `sky status --refresh`", e);
    }
    ssh = c;
    return c;
  }

  /** Runs {@code command} through the node's shell, streaming output; returns the exit code. */
  public int run(String command, OutputStream out, OutputStream err) throws IOException {
    Session session;
    try {
      session = client().startSession();
    } catch (ConnectionException | TransportException e) {
      synchronized (this) {
        closeQuietly();
      }
      session = client().startSession();
    }
    try (Session s = session) {
      Session.Command cmd = s.exec(command);
      Thread errPump = pump(cmd.getErrorStream(), err);
      copy(cmd.getInputStream(), out);
      join(errPump);
      cmd.join(30, TimeUnit.SECONDS);
      Integer code = cmd.getExitStatus();
      return code == null ? -1 : code;
    }
  }

  public Result run(String command) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(command, out, err);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public SFTPClient sftp() throws IOException {
    return client().newSFTPClient();
  }

  /**
   * Forwards a free port on this machine's loopback to {@code remoteHost:remotePort} as seen
   * from the node. Close the returned handle to stop forwarding.
   */
  public Tunnel forward(String remoteHost, int remotePort) throws IOException {
    ServerSocket ss = new ServerSocket();
    ss.setReuseAddress(true);
    ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Parameters params = new Parameters("127.0.0.1", ss.getLocalPort(), remoteHost, remotePort);
    LocalPortForwarder fwd = client().newLocalPortForwarder(params, ss);
    Thread t = new Thread(() -> {
      try {
        fwd.listen();
      } catch (IOException ignored) {
        // closed
      }
    }, "ssh-forward-" + remotePort);
    t.setDaemon(true);
    t.start();
    return new Tunnel(ss.getLocalPort(), () -> {
      fwd.close();
      ss.close();
    });
  }

  /** A running local port forward. */
  public record Tunnel(int localPort, Closer closer) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      closer.close();
    }
  }

  /** How a tunnel shuts down. */
  @FunctionalInterface
  public interface Closer {
    void close() throws IOException;
  }

  /** Drops the connection as a network failure would (tests and diagnostics). */
  public synchronized void disconnectForTest() throws IOException {
    if (ssh != null) {
      ssh.getTransport().die(new TransportException("disconnected on purpose"));
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    if (ssh != null) {
      try {
        ssh.close();
      } catch (IOException ignored) {
        // already gone
      }
      ssh = null;
    }
  }

  private static Thread pump(InputStream in, OutputStream out) {
    Thread t = new Thread(() -> {
      try {
        copy(in, out);
      } catch (IOException ignored) {
        // the channel closed
      }
    }, "ssh-stderr");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) >= 0) {
      out.write(buf, 0, n);
      out.flush();
    }
  }

  private static void join(Thread t) {
    try {
      t.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
