package dev.sky4j.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Which cluster this kernel is attached to, kept across a kernel restart: Jupyter restarts a
 * kernel as a new process with the same connection file, so the file's path names the memory
 * ({@code $SKY4J_HOME/kernel/attached/<hash>}). A shutdown without restart forgets it.
 */
final class AttachMemory {
  private final Path file;

  AttachMemory(Path home, String connectionFile) {
    this.file = home.resolve("kernel").resolve("attached").resolve(key(connectionFile));
  }

  private static String key(String connectionFile) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(
          Path.of(connectionFile).toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Optional<String> cluster() {
    try {
      return Files.exists(file) ? Optional.of(Files.readString(file).strip()).filter(s -> !s.isEmpty())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void remember(String cluster) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, cluster + "\n");
    } catch (IOException e) {
      System.err.println("sky4j kernel: cannot remember the attached cluster (" + e.getMessage()
          + "); a kernel restart will run cells locally");
    }
  }

  void forget() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // nothing to forget
    }
  }
}
