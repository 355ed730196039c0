package dev.sky4j.ssh;

import dev.sky4j.agent.ssh.SessionTracker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.schmizz.keepalive.KeepAlive;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
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
 *
 * <p>A dead node or a dropped network must fail calls within seconds, never hang them: the
 * connection sends an SSH keep-alive request every {@link #KEEPALIVE_SECONDS} s and gives up
 * after {@link #KEEPALIVE_MISSES} unanswered ones, and when the transport dies (that way or by a
 * reset) every tunnel over it is cut, which fails the calls waiting in it at once.
 */
public final class CommandRunner implements AutoCloseable {
  /** A finished command's exit code and captured output. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** Seconds between keep-alive requests; with {@link #KEEPALIVE_MISSES} a silent peer is dead in ~6 s. */
  static final int KEEPALIVE_SECONDS = 2;
  static final int KEEPALIVE_MISSES = 3;

  private final SshTarget target;
  /** Run once on every new connection before anything else (null = nothing). */
  private final String onConnect;
  private SSHClient ssh;
  /** The tunnels over {@link #ssh}; a new connection starts a new list. */
  private List<Tunnel> tunnels = new CopyOnWriteArrayList<>();

  public CommandRunner(SshTarget target) {
    this(target, null);
  }

  /**
   * A runner that runs {@code onConnect} once per connection, right after authenticating: on an
   * OpenSSH node, sky4j's warm connection marks itself so it does not hold off autostop
   * ({@code agent.vm.ControlSessions}). A failing mark is not fatal: the node then merely stays
   * awake while this server holds the connection.
   */
  public CommandRunner(SshTarget target, String onConnect) {
    this.target = target;
    this.onConnect = onConnect;
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
    // a keep-alive that expects answers (the default heartbeat only writes, and a write into a
    // dead peer's socket buffer succeeds for minutes)
    cfg.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    SSHClient c = new SSHClient(cfg);
    c.addHostKeyVerifier(new PromiscuousVerifier());
    if (target.proxyCommand() != null) {
      c.setSocketFactory(ProxyCommandSocket.factory(target.proxyCommand(), target.user()));
    }
    c.setConnectTimeout(5_000);
    // set before connecting: sshj starts the keep-alive thread only if it is enabled by then
    KeepAlive keepAlive = c.getConnection().getKeepAlive();
    keepAlive.setKeepAliveInterval(KEEPALIVE_SECONDS);
    if (keepAlive instanceof KeepAliveRunner runner) {
      runner.setMaxAliveCount(KEEPALIVE_MISSES);
    }
    List<Tunnel> overThis = new CopyOnWriteArrayList<>();
    c.getTransport().setDisconnectListener((reason, message) -> cut(overThis));
    try {
      c.connect(target.host(), target.port());
      c.getSocket().setTcpNoDelay(true);
      c.authPublickey(target.user(), c.loadKeys(target.privateKey().toString()));
      if (onConnect != null) {
        try (Session s = c.startSession()) {
          s.exec(onConnect).join(30, TimeUnit.SECONDS);
        }
      }
    } catch (IOException e) {
      c.close();
      throw new IOException("cannot SSH to " + target.user() + "@" + target.host() + ":"
          + target.port() + " (" + e.getMessage() + "): is the node up? try `sky status --refresh`", e);
    }
    ssh = c;
    tunnels = overThis;
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
    TrackedServerSocket ss = new TrackedServerSocket();
    Parameters params = new Parameters("127.0.0.1", ss.getLocalPort(), remoteHost, remotePort);
    LocalPortForwarder fwd;
    List<Tunnel> overClient;
    try {
      synchronized (this) {
        fwd = client().newLocalPortForwarder(params, ss);
        overClient = tunnels;
      }
    } catch (IOException | RuntimeException e) {
      ss.close();
      throw e;
    }
    Thread t = new Thread(() -> {
      try {
        fwd.listen();
      } catch (IOException ignored) {
        // closed
      }
    }, "ssh-forward-" + remotePort);
    t.setDaemon(true);
    t.start();
    Tunnel tunnel = new Tunnel(ss, fwd);
    overClient.add(tunnel);
    if (!stillConnected(overClient)) {
      tunnel.cut(); // the transport died while this tunnel was being set up
    }
    return tunnel;
  }

  private synchronized boolean stillConnected(List<Tunnel> overClient) {
    return overClient == tunnels && ssh != null && ssh.getTransport().isRunning();
  }

  /** A transport died: every call waiting in one of its tunnels fails now. */
  private static void cut(List<Tunnel> overDeadTransport) {
    for (Tunnel t : overDeadTransport) {
      t.cut();
    }
    overDeadTransport.clear();
  }

  /** A running local port forward; once its transport dies it stays closed (open a new one). */
  public static final class Tunnel implements AutoCloseable {
    private final TrackedServerSocket listener;
    private final LocalPortForwarder forwarder;

    private Tunnel(TrackedServerSocket listener, LocalPortForwarder forwarder) {
      this.listener = listener;
      this.forwarder = forwarder;
    }

    public int localPort() {
      return listener.getLocalPort();
    }

    /** False once closed or cut: calls through it would be refused. */
    public boolean isOpen() {
      return !listener.isClosed();
    }

    void cut() {
      listener.cutAll();
    }

    @Override
    public void close() throws IOException {
      try {
        forwarder.close();
      } finally {
        listener.cutAll();
      }
    }
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
