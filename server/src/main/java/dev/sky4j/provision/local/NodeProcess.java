package dev.sky4j.provision.local;

import dev.sky4j.agent.NodeConfig;
import dev.sky4j.agent.NodeMain;
import dev.sky4j.agent.jobs.ProcessTree;
import dev.sky4j.agent.local.LocalNodes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A local-cloud node's OS process, found again from its pid file (the provider's JVM may be a
 * different one from the JVM that started it; finding and stopping are shared with the node itself
 * in {@link LocalNodes}). Nodes start detached in their own session with
 * output to {@code .sky4j-agent/node.log}, so they outlive the CLI and the server like VMs.
 */
final class NodeProcess {
  static final String STOPPED_FILE = LocalNodes.STOPPED_FILE;
  /** A small heap and a quick JIT: the node mostly waits, and many nodes share one host. */
  static final List<String> JVM_FLAGS = List.of("-Xmx48m", "-Xms8m", "-Xmn4m", "-Xss256k",
      "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=8m",
      "-XX:MaxMetaspaceSize=64m", "-XX:-UsePerfData", "-Xshare:auto");

  private NodeProcess() {}

  static void start(Path home) throws IOException {
    Path agentDir = NodeConfig.agentDir(home);
    Files.deleteIfExists(agentDir.resolve(STOPPED_FILE));
    Files.deleteIfExists(agentDir.resolve(NodeMain.READY_FILE));
    List<String> cmd = new ArrayList<>(ProcessTree.newSessionPrefix());
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JVM_FLAGS);
    cmd.addAll(List.of("-cp", AgentJar.classpath(), NodeMain.class.getName(), "--home", home.toString()));
    Process p = new ProcessBuilder(cmd)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(agentDir.resolve("node.log").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    // setsid execs in place, so this is the node's pid: written now, the node counts as
    // existing (capacity, state) from this moment, not only once its JVM is up
    Files.writeString(agentDir.resolve(NodeMain.PID_FILE), Long.toString(p.pid()));
  }

  static Optional<ProcessHandle> find(Path home) {
    return LocalNodes.find(home);
  }

  static boolean ready(Path home) {
    return LocalNodes.ready(home);
  }

  static void killHard(Path home) {
    LocalNodes.killHard(home);
  }

}
