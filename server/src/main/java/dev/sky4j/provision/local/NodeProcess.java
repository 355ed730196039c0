package dev.sky4j.provision.local;

import dev.sky4j.agent.NodeConfig;
import dev.sky4j.agent.NodeMain;
import dev.sky4j.agent.fs.Namespaces;
import dev.sky4j.agent.fs.PrivateRoot;
import dev.sky4j.agent.jobs.ProcessTree;
import dev.sky4j.agent.local.LocalCloudDisk;
import dev.sky4j.agent.local.LocalNodes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local-cloud node's OS process, found again from its pid file (the provider's JVM may be a
 * different one from the JVM that started it; finding and stopping are shared with the node itself
 * in {@link LocalNodes}). Nodes start detached in their own session with
 * output to {@code .sky4j-agent/node.log}, so they outlive the CLI and the server like VMs. Where
 * the host allows it, each starts inside its own private root ({@link PrivateRoot}): its own
 * {@code /tmp} and room for mounts at absolute paths. They start with a clean environment
 * ({@link NodeEnvironment}), never the server's.
 */
final class NodeProcess {
  static final String STOPPED_FILE = LocalNodes.STOPPED_FILE;
  /** A small heap and a quick JIT: the node mostly waits, and many nodes share one host. */
  static final List<String> JVM_FLAGS = List.of("-Xmx48m", "-Xms8m", "-Xmn4m", "-Xss256k",
      "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=8m",
      "-XX:MaxMetaspaceSize=64m", "-XX:-UsePerfData", "-Xshare:auto");

  private static volatile boolean toldFallback;

  private NodeProcess() {}

  static void start(Path home) throws IOException {
    Path agentDir = NodeConfig.agentDir(home);
    Files.deleteIfExists(agentDir.resolve(STOPPED_FILE));
    Files.deleteIfExists(agentDir.resolve(NodeMain.READY_FILE));
    String classpath = AgentJar.classpath();
    List<String> java = new ArrayList<>();
    java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    java.addAll(JVM_FLAGS);
    java.addAll(List.of("-cp", classpath, NodeMain.class.getName(), "--home", home.toString()));
    List<String> cmd = new ArrayList<>(ProcessTree.newSessionPrefix());
    Namespaces.Availability fs = Namespaces.availability();
    if (fs.available()) {
      cmd.addAll(PrivateRoot.wrap(privateRoot(agentDir), freshTmp(agentDir), home,
          keep(home, classpath)));
    } else {
      sayOnce(fs);
    }
    cmd.addAll(java);
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(agentDir.resolve("node.log").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(NodeEnvironment.of(System.getenv(), home));
    if (!fs.available()) {
      pb.environment().put(PrivateRoot.FS_ENV, "shared: " + fs.reason());
    }
    Process p = pb.start();
    // setsid execs in place, so this is the node's pid: written now, the node counts as
    // existing (capacity, state) from this moment, not only once its JVM is up
    LocalNodes.writePid(home, p.pid());
  }

  /** The empty folder the node's private root is mounted on (inside its namespace only). */
  private static Path privateRoot(Path agentDir) throws IOException {
    return Files.createDirectories(agentDir.resolve("root"));
  }

  /** The folder behind the node's {@code /tmp}: emptied at every start, as a VM's at boot. */
  private static Path freshTmp(Path agentDir) throws IOException {
    Path tmp = agentDir.resolve("disk").resolve("tmp");
    LocalCloudDisk.deleteTree(tmp);
    Files.createDirectories(tmp);
    return tmp;
  }

  /** Host paths the node itself needs: its cloud's tree (pid files, keys, buckets), JDK, classes. */
  private static List<Path> keep(Path home, String classpath) {
    List<Path> keep = new ArrayList<>();
    keep.add(LocalCloudDisk.ofNodeHome(home).sky4jHome());
    keep.add(Path.of(System.getProperty("java.home")));
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        keep.add(Path.of(entry));
      }
    }
    return keep;
  }

  private static void sayOnce(Namespaces.Availability fs) {
    if (!toldFallback) {
      toldFallback = true;
      System.err.println("sky4j: local cloud: private filesystem per node: " + fs.describe()
          + "; nodes share the host's filesystem, absolute file_mounts go under each node's home");
    }
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
