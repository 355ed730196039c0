package dev.sky4j.paths;

import java.nio.file.Path;

/**
 * Where sky4j keeps its files. Everything hangs off {@code sky4jHome} ({@code SKY4J_HOME},
 * default {@code ~/.sky4j}) so tests and side-by-side installs use their own tree; the OpenSSH
 * config location is separate ({@code SKY4J_SSH_CONFIG}, default {@code ~/.ssh/config}) because
 * OpenSSH finds it from the passwd home, not from {@code $HOME}.
 */
public record Sky4jPaths(Path sky4jHome, Path userHome, Path sshConfig) {

  public static Sky4jPaths fromEnvironment() {
    Path user = Path.of(System.getProperty("user.home"));
    String home = firstSet(System.getProperty("sky4j.home"), System.getenv("SKY4J_HOME"));
    String ssh = firstSet(System.getProperty("sky4j.ssh.config"), System.getenv("SKY4J_SSH_CONFIG"));
    return new Sky4jPaths(
        home == null ? user.resolve(".sky4j") : Path.of(home).toAbsolutePath(),
        user,
        ssh == null ? user.resolve(".ssh").resolve("config") : Path.of(ssh).toAbsolutePath());
  }

  /** A tree rooted at {@code root} for tests: sky4j home {@code root/.sky4j}, config {@code root/.ssh/config}. */
  public static Sky4jPaths under(Path root) {
    return new Sky4jPaths(root.resolve(".sky4j"), Path.of(System.getProperty("user.home")),
        root.resolve(".ssh").resolve("config"));
  }

  public Path keysDir() {
    return sky4jHome.resolve("keys");
  }

  /** One agent secret per cluster, {@code keys/agent-secrets/<cluster>} (0600; see AgentSecrets). */
  public Path agentSecretsDir() {
    return keysDir().resolve("agent-secrets");
  }

  public Path generatedSshDir() {
    return sky4jHome.resolve("generated").resolve("ssh");
  }

  public Path locksDir() {
    return sky4jHome.resolve("locks");
  }

  /** Node homes of the local cloud: {@code local/<cluster>/<node>}. */
  public Path localCloudDir() {
    return sky4jHome.resolve("local");
  }

  public Path localCloudConfig() {
    return sky4jHome.resolve("local-cloud.properties");
  }

  /** {@code ~/...} when under the user's home (portable to another machine), else absolute. */
  public String display(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    if (abs.startsWith(userHome)) {
      return "~/" + userHome.relativize(abs).toString().replace('\\', '/');
    }
    return abs.toString();
  }

  private static String firstSet(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
