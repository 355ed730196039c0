package dev.sky4j.cli;

import dev.sky4j.cli.remote.ServerConnection;
import dev.sky4j.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sky kernel install}: writes the Jupyter kernelspec of "sky4j (Python on a cluster)". Its
 * argv runs this distribution's kernel jar with the Java running now; {@code interrupt_mode:
 * message} because interrupting means SIGINT to a Python on another machine, not to the JVM.
 */
@Command(name = "install", description = "Install the Jupyter kernel \"sky4j (Python on a cluster)\".")
public final class KernelInstallCommand implements Callable<Integer> {
  @Mixin KernelLocation location;

  @Option(names = "--python", paramLabel = "PATH",
      description = "The local Python for cells before a cluster is attached (default: python3).")
  String python;

  @Override
  public Integer call() {
    try {
      Path jar = ServerConnection.builtJar("SKY4J_KERNEL_JAR", "kernel", "sky4j-kernel.jar",
          "cannot find the kernel jar (sky4j-kernel.jar); build it with 'mvn -pl kernel -am package'");
      Path dir = location.dir();
      Files.createDirectories(dir);
      Path spec = dir.resolve("kernel.json");
      Files.writeString(spec, Json.writePretty(spec(jar)) + "\n");
      System.out.println("Installed kernelspec " + location.name + " in " + dir);
      System.out.println("Pick \"sky4j (Python on a cluster)\" in Jupyter; %sky attach CLUSTER runs cells there.");
      return 0;
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private Map<String, Object> spec(Path jar) {
    String java = ProcessHandle.current().info().command().orElse("java");
    String root = System.getProperty("sky4j.root");
    List<String> argv = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    if (root != null && !root.isBlank()) {
      argv.add("-Dsky4j.root=" + Path.of(root).toAbsolutePath());
    }
    argv.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "{connection_file}"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("argv", argv);
    m.put("display_name", "sky4j (Python on a cluster)");
    m.put("language", "python");
    m.put("interrupt_mode", "message");
    if (python != null) {
      m.put("env", Map.of("SKY4J_KERNEL_PYTHON", python));
    }
    m.put("metadata", Map.of("sky4j", Map.of("version", Version.current())));
    return m;
  }
}
