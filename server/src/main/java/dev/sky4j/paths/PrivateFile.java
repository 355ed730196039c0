package dev.sky4j.paths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file that holds a key or secret values: created under a temporary name with its final
 * mode from the first byte (never readable by others, not even for a moment) and renamed into
 * place, so a reader never sees it half-written and a crash leaves the old content or the new.
 */
public final class PrivateFile {
  private PrivateFile() {}

  /** Replaces {@code target} with {@code text}; {@code mode} as {@code rw-------}. */
  public static void write(Path target, String text, String mode) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
    Files.writeString(tmp, text);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
