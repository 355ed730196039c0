package dev.sky4j.kernel.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Python side ({@code sky4j_repl.py}), shipped inside the kernel's jar. */
public final class ReplScript {
  public static final String NAME = "sky4j_repl.py";

  private ReplScript() {}

  public static byte[] bytes() {
    try (InputStream in = ReplScript.class.getResourceAsStream("/dev/sky4j/kernel/" + NAME)) {
      if (in == null) {
        throw new IllegalStateException(NAME + " is missing from the kernel's jar; rebuild it");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the script under {@code dir} (if it changed) and returns its path. */
  public static Path writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path p = dir.resolve(NAME);
    byte[] b = bytes();
    if (!Files.exists(p) || !java.util.Arrays.equals(Files.readAllBytes(p), b)) {
      Path tmp = Files.createTempFile(dir, NAME, ".tmp");
      Files.write(tmp, b);
      Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return p;
  }
}
