package dev.sky4j.cli.remote;

import dev.sky4j.client.ApiEndpoint;
import dev.sky4j.client.ApiException;
import dev.sky4j.client.ApiTokenFile;
import dev.sky4j.client.BuildId;
import dev.sky4j.client.ServerUnreachableException;
import dev.sky4j.client.SkyClient;
import dev.sky4j.client.dto.Health;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the API server, starting a local one when none answers. The URL is {@code SKY4J_API_URL}
 * (default {@code http://127.0.0.1:46590}, port overridable with {@code SKY4J_API_PORT}); the
 * token is read from {@link #tokenFile()} at each call (the server creates it on first start, so
 * a server this CLI has just started is reached with it), or is {@code SKY4J_API_TOKEN} when set
 * (a server on another machine). A local server of another version, or started from another build
 * of the server jar than the one on disk now ({@link BuildId}), is stopped and restarted (the
 * version handshake), so an upgrade or a rebuild never talks to an old server.
 */
public final class ServerConnection {
  public static final int DEFAULT_PORT = ApiEndpoint.DEFAULT_PORT;

  private ServerConnection() {}

  public static String url() {
    return ApiEndpoint.url();
  }

  public static Path home() {
    return ApiEndpoint.home();
  }

  /** {@code $SKY4J_HOME/server/token}: the local server's token (see {@link ApiTokenFile}). */
  public static Path tokenFile() {
    return ApiTokenFile.under(home());
  }

  /** Whether the token comes from {@code SKY4J_API_TOKEN} rather than {@link #tokenFile()}. */
  public static boolean tokenFromEnvironment() {
    return ApiEndpoint.tokenFromEnvironment();
  }

  public static SkyClient client() {
    return ApiEndpoint.client();
  }

  /** A client for a server that answers (starting one if needed), with a matching API version. */
  public static SkyClient ensure(String cliVersion) throws IOException, ApiException {
    SkyClient c = client();
    try {
      Health h = c.health();
      String jarBuild = h.build() == null ? null : currentBuild();
      boolean sameBuild = jarBuild == null || jarBuild.equals(h.build());
      if (h.apiVersion() == Health.API_VERSION && cliVersion.equals(h.version()) && sameBuild) {
        return c;
      }
      if (!isLocal(c.baseUrl())) {
        if (h.apiVersion() != Health.API_VERSION) {
          throw new IOException("the API server at " + c.baseUrl() + " speaks API version "
              + h.apiVersion() + " but this sky speaks " + Health.API_VERSION
              + "; upgrade one of them");
        }
        return c;
      }
      System.err.println("Restarting the local API server (it runs " + h.version()
          + (sameBuild ? "" : " build " + h.build()) + ", this sky is " + cliVersion
          + (sameBuild ? "" : " and the server jar on disk is build " + jarBuild) + ")");
      stop(c, h.pid());
    } catch (ServerUnreachableException e) {
      if (!isLocal(c.baseUrl())) {
        throw new IOException("no API server answers at " + c.baseUrl()
            + "; check SKY4J_API_URL or start it there with: sky api start --host 0.0.0.0");
      }
    }
    start(c);
    return c;
  }

  /** The build id of the server jar this CLI would start, or null when there is none. */
  private static String currentBuild() {
    try {
      return BuildId.of(serverJar());
    } catch (IOException e) {
      return null;
    }
  }

  /** Asks the server to stop and waits until its process is gone. */
  public static void stop(SkyClient c, long pid) throws IOException {
    try {
      c.post("/shutdown", null, Void.class);
    } catch (ApiException | IOException ignored) {
      // fall back to the signal below
    }
    var ph = ProcessHandle.of(pid);
    long deadline = System.currentTimeMillis() + 10_000;
    while (ph.isPresent() && ph.get().isAlive() && System.currentTimeMillis() < deadline) {
      sleep(50);
    }
    if (ph.isPresent() && ph.get().isAlive()) {
      ph.get().destroy();
    }
  }

  /** Starts {@code java -cp <server jar> dev.sky4j.server.ServerMain} detached, waits for health. */
  public static void start(SkyClient c) throws IOException {
    Path jar = serverJar();
    Path dir = home().resolve("server");
    Files.createDirectories(dir);
    int port = URI.create(c.baseUrl()).getPort();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Xss512k");
    cmd.add("-cp");
    cmd.add(ServerClasspath.of(jar));
    cmd.add("dev.sky4j.server.ServerMain");
    cmd.add("--port");
    cmd.add(Integer.toString(port < 0 ? DEFAULT_PORT : port));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("SKY4J_HOME", home().toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile()));
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (!p.isAlive()) {
        throw new IOException("the API server exited at start (code " + p.exitValue() + "); see "
            + dir.resolve("server.out") + " and " + dir.resolve("server.log"));
      }
      try {
        c.health();
        return;
      } catch (ServerUnreachableException e) {
        sleep(50);
      } catch (ApiException e) {
        return;
      }
    }
    throw new IOException("the API server did not answer within 30 s; see " + dir.resolve("server.log"));
  }

  /**
   * The server jar: {@code SKY4J_SERVER_JAR}, else the one built next to this CLI's jar in the
   * source tree ({@code server/target/sky4j-server.jar}), else this jar if it holds the server.
   */
  static Path serverJar() throws IOException {
    return builtJar("SKY4J_SERVER_JAR", "server", "sky4j-server.jar",
        "cannot find the API server jar (sky4j-server.jar); build it with "
            + "'mvn -pl server -am package' or set SKY4J_SERVER_JAR");
  }

  /**
   * A jar of this distribution: {@code envVar} when set, else {@code MODULE/target/JAR} next to
   * this CLI's jar in the source tree, else {@code lib/JAR} of an installed layout.
   */
  public static Path builtJar(String envVar, String module, String jarName, String missing)
      throws IOException {
    String env = System.getenv(envVar);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path self;
    try {
      self = Path.of(ServerConnection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IOException("cannot tell where this sky is installed: set " + envVar);
    }
    for (Path dir = self.getParent(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(module).resolve("target").resolve(jarName);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      Path lib = dir.resolve("lib").resolve(jarName);
      if (Files.isRegularFile(lib)) {
        return lib;
      }
    }
    throw new IOException(missing);
  }

  public static boolean isLocal(String url) {
    String host = URI.create(url).getHost();
    return host != null && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1"));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
