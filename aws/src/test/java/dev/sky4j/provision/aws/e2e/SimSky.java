package dev.sky4j.provision.aws.e2e;

import dev.sky4j.provision.aws.AwsSimulator;
import dev.sky4j.testing.Prerequisites;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built {@code sky} CLI (cli/target/sky.jar) against the simulator, with a private
 * SKY4J_HOME, SSH config and API port. The server it starts is the built server jar plus this
 * module's classes and the AWS SDK from the test class path (SKY4J_PROVIDER_JARS), so a test
 * run before {@code package} still gets this tree's provider. {@link #close} downs every cluster
 * and stops the server.
 */
final class SimSky implements AutoCloseable {
  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  final Path root;
  final Path home;
  final Path sshConfig;
  final int port;
  final AwsSimulator sim;
  private final Path repo = AwsSimulator.repoRoot();
  private final Map<String, String> extraEnv = new java.util.LinkedHashMap<>();

  /** {@code runtimeCache}: shared by the tests, this home's cache of the agent's Java runtime. */
  SimSky(Path root, AwsSimulator sim, Path runtimeCache) throws IOException {
    Prerequisites.require(Files.isRegularFile(cliJar()) && Files.isRegularFile(serverJar()),
        "the built CLI and server jars (mvn -o package -DskipTests)");
    this.root = root;
    this.home = root.resolve("sky4j-home");
    this.sshConfig = root.resolve("ssh_config");
    this.sim = sim;
    try (ServerSocket s = new ServerSocket(0)) {
      this.port = s.getLocalPort();
    }
    Files.createDirectories(home.resolve("cache"));
    Files.createSymbolicLink(home.resolve("cache").resolve("agent-runtime"), runtimeCache);
  }

  private Path cliJar() {
    return repo.resolve("cli/target/sky.jar");
  }

  private Path serverJar() {
    return repo.resolve("server/target/sky4j-server.jar");
  }

  /** More environment for the CLI and the server it starts; set before the first call. */
  SimSky env(String key, String value) {
    extraEnv.put(key, value);
    return this;
  }

  /** Writes {@code $SKY4J_HOME/config.yaml}. */
  void config(String yaml) throws IOException {
    Files.writeString(home.resolve("config.yaml"), yaml);
  }

  Result sky(String... args) throws IOException, InterruptedException {
    return sky(240, args);
  }

  Result sky(int seconds, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", cliJar().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
    environment(pb.environment());
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("sky " + String.join(" ", args) + " did not finish in " + seconds
          + " s:\n" + Files.readString(out) + Files.readString(err));
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** {@code ssh -F <generated config> host command}, the system's OpenSSH. */
  Result ssh(String host, String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ssh", "-F", sshConfig.toString(), "-o", "BatchMode=yes", host,
        command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out, "");
  }

  /** An OpenSSH port forward to the node ({@code ssh -N -L}), held open until destroyed. */
  Process forward(String host, int localPort) throws IOException {
    return new ProcessBuilder("ssh", "-F", sshConfig.toString(), "-o", "BatchMode=yes", "-N",
        "-L", localPort + ":127.0.0.1:22", host).redirectErrorStream(true).start();
  }

  private void environment(Map<String, String> env) {
    env.putAll(sim.env());
    env.put("SKY4J_HOME", home.toString());
    env.put("SKY4J_API_PORT", Integer.toString(port));
    env.remove("SKY4J_API_URL");
    env.remove("SKY4J_API_TOKEN");
    env.remove("AWS_PROFILE");
    env.put("AWS_CONFIG_FILE", root.resolve("no-aws-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", root.resolve("no-aws-credentials").toString());
    env.put("SKY4J_SSH_CONFIG", sshConfig.toString());
    env.put("SKY4J_SERVER_JAR", serverJar().toString());
    env.put("SKY4J_PROVIDER_JARS", providerClasspath());
    env.put("SKY4J_NO_BUILD", "1");
    env.putAll(extraEnv);
  }

  /** This module's classes and its dependencies from outside the source tree (the AWS SDK). */
  private String providerClasspath() {
    List<String> out = new ArrayList<>();
    out.add(repo.resolve("aws/target/classes").toString());
    Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.endsWith(".jar") && !Path.of(e).toAbsolutePath().startsWith(repo))
        .forEach(out::add);
    return String.join(File.pathSeparator, out);
  }

  @Override
  public void close() throws Exception {
    try {
      sky("down", "-a", "-y");
    } finally {
      sky("api", "stop");
    }
  }
}
