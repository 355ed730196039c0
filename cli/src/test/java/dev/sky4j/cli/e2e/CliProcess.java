package dev.sky4j.cli.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code sky} CLI as a separate process against a private SKY4J_HOME, SSH config
 * and API port, so end-to-end tests never touch the user's clusters or a running server.
 */
final class CliProcess implements AutoCloseable {
  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  final Path root;
  final Path home;
  final Path sshConfig;
  final int port;
  private final Path serverJar;

  CliProcess(Path root) throws IOException {
    this.root = root;
    this.home = root.resolve("sky4j-home");
    this.sshConfig = root.resolve("ssh_config");
    try (ServerSocket s = new ServerSocket(0)) {
      this.port = s.getLocalPort();
    }
    this.serverJar = Path.of("..", "server", "target", "sky4j-server.jar").toAbsolutePath().normalize();
  }

  static boolean serverJarBuilt() {
    return Files.isRegularFile(Path.of("..", "server", "target", "sky4j-server.jar"));
  }

  Result sky(Path cwd, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.sky4j.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    Map<String, String> env = pb.environment();
    env.put("SKY4J_HOME", home.toString());
    env.put("SKY4J_API_PORT", Integer.toString(port));
    env.remove("SKY4J_API_URL");
    env.put("SKY4J_SSH_CONFIG", sshConfig.toString());
    env.put("SKY4J_SERVER_JAR", serverJar.toString());
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("sky " + String.join(" ", args) + " did not finish in 180 s");
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
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
    sky(root, "down", "-a", "-y");
    sky(root, "api", "stop");
  }
}
