package dev.sky4j.provision.local;

import dev.sky4j.agent.NodeConfig;
import dev.sky4j.agent.NodeMain;
import dev.sky4j.agent.jobs.ProcessTree;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A local-cloud node's OS process, found again from its pid file (the provider's JVM may be a
 * different one from the JVM that started it). Nodes start detached in their own session with
 * output to {@code .sky4j-agent/node.log}, so they outlive the CLI and the server like VMs.
 */
final class NodeProcess {
  static final String STOPPED_FILE = "stopped";
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

  /** The live node process, if any (a recycled pid running something else does not count). */
  static Optional<ProcessHandle> find(Path home) {
    Path pidFile = NodeConfig.agentDir(home).resolve(NodeMain.PID_FILE);
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> h.info().commandLine()
          .map(c -> c.contains(NodeMain.class.getName())).orElse(true));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static boolean ready(Path home) {
    return Files.exists(NodeConfig.agentDir(home).resolve(NodeMain.READY_FILE)) && find(home).isPresent();
  }

  /** A clean stop: SIGTERM lets the node kill its jobs and close its servers. */
  static void stop(Path home) throws IOException {
    Files.writeString(NodeConfig.agentDir(home).resolve(STOPPED_FILE), "");
    Optional<ProcessHandle> h = find(home);
    if (h.isEmpty()) {
      return;
    }
    h.get().destroy();
    long deadline = System.currentTimeMillis() + 5000;
    while (h.get().isAlive() && System.currentTimeMillis() < deadline) {
      sleep();
    }
    if (h.get().isAlive()) {
      killHard(home);
    }
  }

  /** As a cloud reclaiming the machine: SIGKILL the node and every job tree it started. */
  static void killHard(Path home) {
    Optional<ProcessHandle> h = find(home);
    List<ProcessHandle> all = new ArrayList<>();
    h.ifPresent(p -> {
      all.add(p);
      p.descendants().forEach(all::add);
    });
    all.forEach(ProcessHandle::destroyForcibly);
    try {
      for (String pgid : Files.readAllLines(NodeConfig.agentDir(home).resolve("running.pgids"))) {
        if (!pgid.isBlank()) {
          ProcessTree.signalGroup(Long.parseLong(pgid.trim()), "KILL");
        }
      }
    } catch (IOException | NumberFormatException ignored) {
      // no job was running
    }
    long deadline = System.currentTimeMillis() + 3000;
    while (all.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
