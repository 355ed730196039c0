package dev.sky4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sky kernel uninstall}: removes the kernelspec that {@code sky kernel install} wrote. */
@Command(name = "uninstall", description = "Remove the sky4j Jupyter kernelspec.")
public final class KernelUninstallCommand implements Callable<Integer> {
  @Mixin KernelLocation location;

  @Override
  public Integer call() {
    try {
      Path dir = location.dir();
      if (!Files.isRegularFile(dir.resolve("kernel.json"))) {
        System.err.println("error: no sky4j kernelspec in " + dir + " (installed with another of "
            + "--user, --sys-prefix, --prefix P or --name?)");
        return 1;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      System.out.println("Removed kernelspec " + location.name + " from " + dir);
      return 0;
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
