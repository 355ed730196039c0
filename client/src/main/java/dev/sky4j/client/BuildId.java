package dev.sky4j.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Which build of the server a jar holds: its size and modification time. Both versions read
 * 0.1.0-SNAPSHOT during development, so the handshake compares this too: the server reports the
 * id of the jar it was started from, the CLI the id of the jar it would start now, and a rebuilt
 * jar makes the CLI restart the old server.
 */
public final class BuildId {
  private BuildId() {}

  /** The id of a jar file, or null when it cannot be read. */
  public static String of(Path jar) {
    try {
      BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
      return Long.toHexString(a.size()) + "-" + Long.toHexString(a.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return null;
    }
  }

  /** The id of the jar {@code type} was loaded from; null when it runs from a classes folder. */
  public static String ofCodeOf(Class<?> type) {
    try {
      Path p = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) ? of(p) : null;
    } catch (Exception e) {
      return null;
    }
  }
}
