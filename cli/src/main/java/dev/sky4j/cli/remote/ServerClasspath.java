package dev.sky4j.cli.remote;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The API server's class path: its jar plus every cloud jar next to it, a jar that registers a
 * {@code dev.sky4j.provision.ProviderFactory} (the server finds the clouds in them through
 * {@code ServiceLoader}). Cloud jars are big (the AWS SDK is ~40 MB) and only the server loads
 * them, so the CLI's own start-up never pays for them. Where they are looked for: {@code
 * SKY4J_PROVIDER_JARS} (path-separated), else {@code lib/} beside an installed server jar, else
 * each module's {@code target/} in a source tree ({@code aws/target/sky4j-aws.jar}).
 */
final class ServerClasspath {
  static final String SERVICE = "META-INF/services/dev.sky4j.provision.ProviderFactory";

  private ServerClasspath() {}

  static String of(Path serverJar) {
    List<String> parts = new ArrayList<>();
    parts.add(serverJar.toString());
    for (Path p : providerJars(serverJar)) {
      parts.add(p.toString());
    }
    return String.join(File.pathSeparator, parts);
  }

  static List<Path> providerJars(Path serverJar) {
    String env = System.getenv("SKY4J_PROVIDER_JARS");
    if (env != null && !env.isBlank()) {
      return Stream.of(env.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }
    Path dir = serverJar.toAbsolutePath().getParent();
    List<Path> candidates = new ArrayList<>();
    if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("target")
        && dir.getParent() != null && dir.getParent().getParent() != null) {
      // a source tree: <root>/<module>/target/sky4j-<module>.jar
      try (Stream<Path> modules = Files.list(dir.getParent().getParent())) {
        modules.forEach(m -> candidates.add(m.resolve("target").resolve("sky4j-"
            + m.getFileName() + ".jar")));
      } catch (IOException e) {
        return List.of();
      }
    } else if (dir != null) {
      try (Stream<Path> jars = Files.list(dir)) {
        jars.filter(p -> p.getFileName().toString().endsWith(".jar")).forEach(candidates::add);
      } catch (IOException e) {
        return List.of();
      }
    }
    return candidates.stream().filter(Files::isRegularFile)
        .filter(p -> !p.equals(serverJar.toAbsolutePath()))
        .filter(ServerClasspath::registersACloud).sorted().toList();
  }

  /**
   * Reads only the jar's central directory, not its classes. A jar that bundles the server itself
   * (a module shaded with it) is not a cloud jar: its copy of the server would shadow nothing and
   * only cost start-up.
   */
  static boolean registersACloud(Path jar) {
    try (ZipFile z = new ZipFile(jar.toFile())) {
      return z.getEntry(SERVICE) != null && z.getEntry("dev/sky4j/server/ServerMain.class") == null;
    } catch (IOException e) {
      return false;
    }
  }
}
