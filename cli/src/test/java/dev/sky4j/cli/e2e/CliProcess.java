package dev.sky4j.cli.e2e;

import dev.sky4j.client.dto.ServerInfo;
import dev.sky4j.json.Json;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.local.LocalProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The shared end-to-end fixture: runs the real {@code sky} CLI as a separate process against a
 * private SKY4J_HOME, SSH config and API port, so tests never touch the user's clusters or a
 * running server. It can also run a CLI process in the background, SIGKILL the API server, and
 * ask the local provider and the OS what really runs (orphan checks). {@link #close} downs every
 * cluster, stops the server, and SIGKILLs any node process still left under its home.
 */
final class CliProcess implements AutoCloseable {
  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  /** A CLI process running in the background, its output going to files. */
  record Running(Process process, Path out, Path err) {
    String output() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits until the output contains {@code text}; false on timeout or when the process ends first. */
    boolean awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (output().contains(text)) {
          return true;
        }
        if (!process.isAlive()) {
          return output().contains(text);
        }
        Thread.sleep(10);
      }
      return false;
    }

    Result await(Duration timeout) throws IOException, InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("a background sky process did not finish in " + timeout);
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    }
  }

  static final Path SERVER_JAR =
      Path.of("..", "server", "target", "sky4j-server.jar").toAbsolutePath().normalize();

  final Path root;
  final Path home;
  final Path sshConfig;
  final int port;
  /** More environment for every CLI (and so server) process, e.g. a test knob; set before the first call. */
  final Map<String, String> extraEnv = new java.util.LinkedHashMap<>();

  CliProcess(Path root) throws IOException {
    this.root = root;
    this.home = root.resolve("sky4j-home");
    this.sshConfig = root.resolve("ssh_config");
    this.port = freePort();
  }

  static boolean serverJarBuilt() {
    return Files.isRegularFile(SERVER_JAR);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Writes {@code $SKY4J_HOME/local-cloud.properties} (zone capacities etc., see LocalCloudConfig). */
  void localCloud(String properties) throws IOException {
    Files.createDirectories(home);
    Files.writeString(home.resolve("local-cloud.properties"), properties);
  }

  Result sky(Path cwd, String... args) throws IOException, InterruptedException {
    return start(cwd, args).await(Duration.ofSeconds(180));
  }

  /**
   * Runs {@code sky args...} until its output satisfies {@code ok}, for up to {@code millis};
   * returns that output, or fails naming {@code what} and showing the last output.
   */
  String skyUntil(Path cwd, long millis, Predicate<String> ok, String what, String... args)
      throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    String last = "";
    while (System.currentTimeMillis() < deadline) {
      last = sky(cwd, args).out();
      if (ok.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("sky " + String.join(" ", args) + " never showed " + what
        + "; last:\n" + last);
  }

  /** Starts {@code sky args...} and returns at once. */
  Running start(Path cwd, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "dev.sky4j.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    environment(pb.environment());
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new Running(pb.start(), out, err);
  }

  /** The environment every process of this fixture gets: its own home, port and SSH config. */
  void environment(Map<String, String> env) {
    env.put("SKY4J_HOME", home.toString());
    env.put("SKY4J_API_PORT", Integer.toString(port));
    env.remove("SKY4J_API_URL");
    env.remove("SKY4J_API_TOKEN");
    env.put("SKY4J_SSH_CONFIG", sshConfig.toString());
    env.put("SKY4J_SERVER_JAR", SERVER_JAR.toString());
    env.putAll(extraEnv);
  }

  /** The API token the server created in this home ({@code server/token}). */
  String token() throws IOException {
    return Files.readString(home.resolve("server").resolve("token")).trim();
  }

  /** The pid of the running API server, from the {@code server.json} it wrote. */
  long serverPid() throws IOException {
    return Json.read(Files.readString(home.resolve("server").resolve("server.json")), ServerInfo.class).pid();
  }

  /** SIGKILLs the API server (no shutdown hook runs) and waits until it is gone. */
  void killServerHard() throws IOException, InterruptedException {
    ProcessHandle h = ProcessHandle.of(serverPid()).orElseThrow(() -> new AssertionError("no server runs"));
    h.destroyForcibly();
    long deadline = System.currentTimeMillis() + 10_000;
    while (h.isAlive() && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    if (h.isAlive()) {
      throw new AssertionError("the API server survived SIGKILL for 10 s");
    }
  }

  /** What the local cloud holds under this home, asked of the real provider. */
  List<String> providerClusters() throws IOException {
    return new LocalProvider(new Sky4jPaths(home, Path.of(System.getProperty("user.home")), sshConfig))
        .clusters();
  }

  /** Live node processes started under this home, found from the OS process table. */
  List<ProcessHandle> nodeProcesses() {
    String marker = home.resolve("local").toString();
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(c -> c.contains("dev.sky4j.agent.NodeMain")
            && c.contains(marker)).orElse(false))
        .toList();
  }

  /** Everything the server wrote under its home (logs, state, request logs), as text. */
  String everythingWritten() throws IOException {
    StringBuilder sb = new StringBuilder();
    try (var s = Files.walk(home.resolve("server"))) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    for (String f : List.of("state.db", "state.db-wal")) {
      Path p = home.resolve(f);
      if (Files.exists(p)) {
        sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws Exception {
    try {
      sky(root, "down", "-a", "-y");
      sky(root, "api", "stop");
    } finally {
      for (ProcessHandle p : nodeProcesses()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }
}
