package dev.sky4j.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * A "socket" whose bytes go through an OpenSSH {@code ProxyCommand} process ({@code sh -c} of the
 * command with {@code %h}, {@code %p}, {@code %r} and {@code %%} expanded) instead of TCP: sshj
 * talks SSH over the process's stdin/stdout, as {@code ssh -o ProxyCommand=...} does, so the
 * server reaches a node in a private subnet through a bastion exactly like the user's
 * {@code ssh <cluster>}. The process's stderr goes to this JVM's stderr (the server log).
 */
final class ProxyCommandSocket extends Socket {
  private final String command;
  private final String user;
  private Process process;
  private InetSocketAddress remote;
  private volatile boolean closed;

  ProxyCommandSocket(String command, String user) {
    this.command = command;
    this.user = user;
  }

  /** sshj's socket factory for one target. */
  static SocketFactory factory(String command, String user) {
    return new SocketFactory() {
      @Override
      public Socket createSocket() {
        return new ProxyCommandSocket(command, user);
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(InetSocketAddress.createUnresolved(host, port));
        return s;
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort)
          throws IOException {
        return createSocket(host, port);
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostAddress(), port);
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
          throws IOException {
        return createSocket(host, port);
      }
    };
  }

  /** OpenSSH's tokens: {@code %h} host, {@code %p} port, {@code %r} user, {@code %%} a percent. */
  static String expand(String command, String host, int port, String user) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (c != '%' || i + 1 == command.length()) {
        sb.append(c);
        continue;
      }
      char t = command.charAt(++i);
      switch (t) {
        case 'h' -> sb.append(host);
        case 'p' -> sb.append(port);
        case 'r' -> sb.append(user == null ? "" : user);
        case '%' -> sb.append('%');
        default -> sb.append('%').append(t);
      }
    }
    return sb.toString();
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public synchronized void connect(SocketAddress endpoint, int timeout) throws IOException {
    InetSocketAddress a = (InetSocketAddress) endpoint;
    String line = expand(command, a.getHostString(), a.getPort(), user);
    process = new ProcessBuilder(List.of("/bin/sh", "-c", line))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    remote = a;
    // a command that fails at once (no such bastion) should say so now, not as a read timeout
    try {
      if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
        throw new IOException("the SSH proxy command `" + line + "` exited with "
            + process.exitValue() + "; check aws.ssh_proxy_command in ~/.sky4j/config.yaml");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the SSH proxy command", e);
    }
  }

  @Override
  public boolean isConnected() {
    return process != null;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    requireOpen();
    return process.getInputStream();
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    requireOpen();
    return process.getOutputStream();
  }

  private void requireOpen() throws IOException {
    if (process == null || closed) {
      throw new IOException("the SSH proxy command is not running");
    }
  }

  @Override
  public InetAddress getInetAddress() {
    return remote == null || remote.isUnresolved() ? null : remote.getAddress();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return remote;
  }

  @Override
  public int getPort() {
    return remote == null ? 0 : remote.getPort();
  }

  // a pipe has no TCP options: accept and ignore what sshj sets
  @Override
  public void setSoTimeout(int timeout) {}

  @Override
  public void setTcpNoDelay(boolean on) {}

  @Override
  public void setKeepAlive(boolean on) {}

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
