package dev.sky4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where {@code sky kernel install/uninstall} put the kernelspec, as {@code jupyter kernelspec
 * install} does: {@code --user} (the default, {@code ~/.local/share/jupyter}), {@code --sys-prefix}
 * (the active virtualenv or conda env, else {@code python3}'s {@code sys.prefix}), or
 * {@code --prefix P} ({@code P/share/jupyter}).
 */
final class KernelLocation {
  static final class Where {
    @Option(names = "--user", description = "Install for this user (~/.local/share/jupyter; the default).")
    boolean user;

    @Option(names = "--sys-prefix", description = "Install into the active Python environment's prefix.")
    boolean sysPrefix;

    @Option(names = "--prefix", paramLabel = "P", description = "Install under P/share/jupyter/kernels.")
    Path prefix;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1") Where where;

  @Option(names = "--name", paramLabel = "NAME", defaultValue = "sky4j",
      description = "The kernelspec's name (default: sky4j).")
  String name;

  /** {@code .../share/jupyter/kernels/NAME}. */
  Path dir() throws IOException {
    Path data;
    if (where != null && where.prefix != null) {
      data = where.prefix.toAbsolutePath().resolve("share").resolve("jupyter");
    } else if (where != null && where.sysPrefix) {
      data = sysPrefix().resolve("share").resolve("jupyter");
    } else {
      String xdg = System.getenv("XDG_DATA_HOME");
      data = (xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".local", "share")
          : Path.of(xdg)).resolve("jupyter");
    }
    return data.resolve("kernels").resolve(name);
  }

  private static Path sysPrefix() throws IOException {
    for (String env : new String[] {"VIRTUAL_ENV", "CONDA_PREFIX"}) {
      String v = System.getenv(env);
      if (v != null && !v.isBlank()) {
        return Path.of(v);
      }
    }
    Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (p.waitFor() != 0 || out.isEmpty()) {
        throw new IOException("python3 did not tell its sys.prefix; use --prefix P or --user");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    return Path.of(out);
  }
}
