package dev.sky4j.provision.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system's OpenSSH client against one node: {@code ssh} commands (input on stdin, so file
 * contents and secrets never reach a command line), {@code scp} uploads and {@code -L} tunnels,
 * all with the cluster key only, batch mode, and host keys accepted on first sight into a
 * known_hosts file of sky4j's own (the user's {@code ~/.ssh/known_hosts} is never touched).
 */
final class OpenSsh {
  record Result(int exit, String output) {}

  private final BootstrapTarget target;
  private final Path knownHosts;

  OpenSsh(BootstrapTarget target, Path knownHosts) {
    this.target = target;
    this.knownHosts = knownHosts;
  }

  private List<String> options(boolean scp) {
    List<String> o = new ArrayList<>(List.of(
        "-i", target.privateKey().toString(),
        "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=" + knownHosts,
        // keyed by instance, not address: a new instance on a reused address is a new host
        "-o", "HostKeyAlias=" + target.nodeId(),
        "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=5", "-o", "LogLevel=ERROR",
        scp ? "-P" : "-p", Integer.toString(target.sshPort())));
    if (target.proxyCommand() != null && !target.proxyCommand().isBlank()) {
      o.addAll(List.of("-o", "ProxyCommand=" + target.proxyCommand()));
    }
    return o;
  }

  private String login() {
    return target.sshUser() + "@" + target.sshHost();
  }

  /** Runs {@code command} on the node with {@code stdin} (may be null) as its input. */
  Result exec(String command, byte[] stdin, long timeoutSeconds) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("ssh"));
    cmd.addAll(options(false));
    cmd.add(login());
    cmd.add(command);
    return run(cmd, stdin, timeoutSeconds);
  }

  /** Copies a local file to {@code remotePath} on the node. */
  Result upload(Path local, String remotePath, long timeoutSeconds) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("scp", "-q", "-B"));
    cmd.addAll(options(true));
    cmd.add(local.toString());
    cmd.add(login() + ":" + remotePath);
    return run(cmd, null, timeoutSeconds);
  }

  /** A forward from a free port on this machine's loopback to {@code host:port} seen from the node. */
  Tunnel tunnel(String host, int port) throws IOException {
    int local;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      local = s.getLocalPort();
    }
    List<String> cmd = new ArrayList<>(List.of("ssh", "-N", "-o", "ExitOnForwardFailure=yes",
        "-L", "127.0.0.1:" + local + ":" + host + ":" + port));
    cmd.addAll(options(false));
    cmd.add(login());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return new Tunnel(p, local);
  }

  record Tunnel(Process process, int localPort) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
    }
  }

  private static Result run(List<String> cmd, byte[] stdin, long timeoutSeconds) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> {
      try (InputStream in = p.getInputStream()) {
        in.transferTo(out);
      } catch (IOException ignored) {
        // the process ended
      }
    }, "openssh-output");
    reader.start();
    try (OutputStream in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin);
      }
    } catch (IOException ignored) {
      // ssh exited before reading its input; its exit code says why
    }
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(124, "timed out after " + timeoutSeconds + " s");
      }
      reader.join(5000);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    synchronized (out) {
      return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8).strip());
    }
  }
}
