package dev.sky4j.provision.bootstrap;

import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.local.AgentJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a node needs to run the agent: the agent jar, and a Java runtime of only the modules it
 * uses ({@code jdeps --print-module-deps} on the jar, then {@code jlink --strip-debug
 * --no-header-files --no-man-pages --compress=2}), packed as a tar.gz. Built once with this
 * JVM's own JDK tools and cached under {@code $SKY4J_HOME/cache/agent-runtime/<key>}, the key
 * naming the Java version, OS, architecture and module list, so a new agent jar with the same
 * modules reuses it. The runtime is for this machine's OS and architecture: {@link #suits}
 * says whether a node can run it (else the bootstrap installs the distribution's JRE there).
 */
final class AgentRuntime {
  record Built(Path tarGz, String sha256, long bytes) {}

  private final Path cacheDir;

  AgentRuntime(Sky4jPaths paths) {
    this.cacheDir = paths.sky4jHome().resolve("cache").resolve("agent-runtime");
  }

  /** The agent jar nodes run (a built {@code sky4j-agent.jar}; the classpath fallback will not do). */
  static Path agentJar() throws IOException {
    Path jar = Path.of(AgentJar.classpath());
    if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
      throw new IOException("no agent jar to install on the nodes (looked for "
          + "agent/target/sky4j-agent.jar, SKY4J_AGENT_JAR and -Dsky4j.agent.jar); build it with "
          + "`mvn -B -q package -DskipTests` in the sky4j checkout");
    }
    return jar;
  }

  /** Whether a node reporting {@code uname -m} = {@code machine} on Linux can run this runtime. */
  static boolean suits(String machine) {
    String here = System.getProperty("os.arch");
    boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
    String m = machine.strip();
    return linux && (m.equals(here) || (m.equals("x86_64") && here.equals("amd64"))
        || (m.equals("aarch64") && here.equals("aarch64")));
  }

  /** The cached runtime for {@code agentJar}, building it first when missing. */
  synchronized Built get(Path agentJar) throws IOException {
    Path jarDir = cacheDir.resolve("modules");
    Files.createDirectories(jarDir);
    String jarSha = sha256(agentJar);
    Path modulesFile = jarDir.resolve(jarSha);
    if (!Files.exists(modulesFile)) {
      String modules = tool("jdeps", List.of("--ignore-missing-deps", "--print-module-deps",
          "--multi-release", Integer.toString(Runtime.version().feature()), agentJar.toString()));
      Files.writeString(modulesFile, modules.strip());
    }
    String modules = Files.readString(modulesFile).strip();
    String key = sha256((Runtime.version() + "|" + System.getProperty("os.name") + "|"
        + System.getProperty("os.arch") + "|" + modules).getBytes(StandardCharsets.UTF_8))
        .substring(0, 16);
    Path dir = cacheDir.resolve(key);
    Path tar = dir.resolve("runtime.tar.gz");
    if (!Files.exists(tar)) {
      build(modules, dir, tar);
    }
    return new Built(tar, Files.readString(dir.resolve("runtime.sha256")).strip(), Files.size(tar));
  }

  private void build(String modules, Path dir, Path tar) throws IOException {
    Path tmp = Files.createTempDirectory(cacheDir, "build-");
    try {
      Path image = tmp.resolve("image");
      tool("jlink", List.of("--add-modules", modules, "--strip-debug", "--no-header-files",
          "--no-man-pages", "--compress=2", "--output", image.toString()));
      Path packed = tmp.resolve("runtime.tar.gz");
      run(List.of("tar", "-C", image.toString(), "-czf", packed.toString(), "."));
      Files.writeString(tmp.resolve("runtime.sha256"), sha256(packed));
      Files.createDirectories(dir);
      Files.move(tmp.resolve("runtime.sha256"), dir.resolve("runtime.sha256"),
          StandardCopyOption.REPLACE_EXISTING);
      Files.move(packed, tar, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      run(List.of("rm", "-rf", tmp.toString()));
    }
  }

  private static String tool(String name, List<String> args) throws IOException {
    Path exe = Path.of(System.getProperty("java.home"), "bin", name);
    if (!Files.isExecutable(exe)) {
      throw new IOException("building the nodes' Java runtime needs " + name + " from a JDK, and "
          + exe + " is missing; run the sky4j server on a JDK (17 or later), not a JRE");
    }
    List<String> cmd = new java.util.ArrayList<>(List.of(exe.toString()));
    cmd.addAll(args);
    return run(cmd);
  }

  private static String run(List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(cmd.get(0) + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return out;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest d = digest();
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(d.digest());
    }
  }

  static String sha256(byte[] b) {
    return HexFormat.of().formatHex(digest().digest(b));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
