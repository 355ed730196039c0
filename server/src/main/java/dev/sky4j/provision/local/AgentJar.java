package dev.sky4j.provision.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the classpath a node process runs with, in this order: the {@code sky4j.agent.jar}
 * system property, the {@code SKY4J_AGENT_JAR} environment variable, {@code agent/target/sky4j-agent.jar}
 * under the working folder or its parent (a source checkout), then beside the server jar, and
 * finally this JVM's own
 * classpath (the server carries the agent classes; nodes then start a little heavier).
 */
public final class AgentJar {
  private AgentJar() {}

  public static String classpath() {
    List<String> candidates = new ArrayList<>();
    add(candidates, System.getProperty("sky4j.agent.jar"));
    add(candidates, System.getenv("SKY4J_AGENT_JAR"));
    Path cwd = Path.of("").toAbsolutePath();
    candidates.add(cwd.resolve("agent/target/sky4j-agent.jar").toString());
    if (cwd.getParent() != null) {
      candidates.add(cwd.getParent().resolve("agent/target/sky4j-agent.jar").toString());
    }
    besideServer(candidates);
    for (String c : candidates) {
      if (Files.isRegularFile(Path.of(c))) {
        return c;
      }
    }
    return System.getProperty("java.class.path", "") .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
  }

  /**
   * Where the server's own jar is: {@code <checkout>/server/target/} (the agent jar is then in
   * {@code <checkout>/agent/target/}) or an installed {@code lib/} holding both. A server started
   * from any folder still finds what it must upload to a fresh VM.
   */
  private static void besideServer(List<String> candidates) {
    try {
      var src = AgentJar.class.getProtectionDomain().getCodeSource();
      Path here = src == null ? null : Path.of(src.getLocation().toURI()).getParent();
      if (here != null) {
        candidates.add(here.resolve("sky4j-agent.jar").toString());
        if (here.getParent() != null && here.getParent().getParent() != null) {
          candidates.add(here.getParent().getParent().resolve("agent/target/sky4j-agent.jar")
              .toString());
        }
      }
    } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
      // an unusual class loader: the other candidates still apply
    }
  }

  private static void add(List<String> l, String v) {
    if (v != null && !v.isBlank()) {
      l.add(v);
    }
  }
}
