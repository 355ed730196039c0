package dev.sky4j.provision.aws;

import dev.sky4j.testing.Prerequisites;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real moto server (EC2/S3/STS/IAM wire protocol, no VMs) on 127.0.0.1, from the repo's
 * {@code .venv-moto} ({@code scripts/deps/aws.sh}). Each instance is a fresh, empty AWS account.
 * Point the SDK at {@link #endpoint()} with dummy credentials.
 */
public final class MotoServer implements AutoCloseable {
  private final Process process;
  private final int port;

  private MotoServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts moto and waits until it answers; fails (strict) or skips when moto is not installed. */
  public static MotoServer start() throws IOException, InterruptedException {
    Path exe = repoRoot().resolve(".venv-moto/bin/moto_server");
    Prerequisites.require(Files.isExecutable(exe), "moto_server (run scripts/deps/aws.sh)");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Process p = new ProcessBuilder(exe.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    MotoServer moto = new MotoServer(p, port);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new IOException("moto_server exited with " + p.exitValue());
      }
      if (moto.answers()) {
        return moto;
      }
      Thread.sleep(100);
    }
    moto.close();
    throw new IOException("moto_server did not answer on port " + port + " within 30 s");
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** Forgets every resource (moto's reset API): the next test sees an empty account. */
  public void reset() throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL().openConnection();
    c.setRequestMethod("POST");
    c.getResponseCode();
    c.disconnect();
  }

  private boolean answers() {
    try {
      HttpURLConnection c =
          (HttpURLConnection) endpoint().resolve("/moto-api/").toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      int code = c.getResponseCode();
      c.disconnect();
      return code > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("scripts/deps/aws.sh"))) {
      p = p.getParent();
    }
    return p == null ? Path.of("").toAbsolutePath() : p;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
