package dev.sky4j.provision.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the classpath a node process runs with, in this order: the {@code sky4j.agent.jar}
 * system property, the {@code SKY4J_AGENT_JAR} environment variable, {@code agent/target/sky4j-agent.jar}
 * under the working folder or its parent (a source checkout), and finally this JVM's own
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
    for (String c : candidates) {
      if (Files.isRegularFile(Path.of(c))) {
        return c;
      }
    }
    return System.getProperty("java.class.path", "") .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
  }

  private static void add(List<String> l, String v) {
    if (v != null && !v.isBlank()) {
      l.add(v);
    }
  }
}
