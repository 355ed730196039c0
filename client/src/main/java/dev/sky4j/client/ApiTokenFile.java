package dev.sky4j.client;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The per-user API token in {@code $SKY4J_HOME/server/token}: the server creates it on its first
 * start, every client (CLI, editors, notebooks) reads it and sends {@code Authorization: Bearer},
 * {@code sky api rotate-token} replaces it. The file is written under a temporary name created
 * 0600 and renamed into place, so it is never readable by others nor seen half-written, and its
 * folders are 0700.
 */
public final class ApiTokenFile {
  private static final String OWNER_ONLY_DIR = "rwx------";
  private static final String OWNER_ONLY_FILE = "rw-------";

  private ApiTokenFile() {}

  /** Where the token of the server whose home is {@code sky4jHome} lives. */
  public static Path under(Path sky4jHome) {
    return sky4jHome.resolve("server").resolve("token");
  }

  /** The token in {@code file}; a missing, unreadable or empty file is an error saying what to do. */
  public static String read(Path file) throws IOException {
    String t;
    try {
      t = Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      throw new IOException("no API token at " + file + ": the API server creates it when it "
          + "first starts (sky api start); for a server on another machine set SKY4J_API_TOKEN. "
          + "sky api info shows where the token lives");
    } catch (AccessDeniedException e) {
      throw new IOException("cannot read the API token at " + file + " (permission denied): it "
          + "belongs to the user who runs the API server; run sky as that user, or set "
          + "SKY4J_API_TOKEN");
    }
    if (t.isEmpty()) {
      throw new IOException("the API token file " + file + " is empty; renew it with "
          + "sky api rotate-token");
    }
    return t;
  }

  /**
   * The existing token, or a new one written atomically (two servers starting at once agree on
   * one). Tightens the folders to 0700 and the file to 0600 if someone loosened them.
   */
  public static String createIfAbsent(Path file) throws IOException {
    privateFolders(file);
    if (!Files.exists(file)) {
      Path tmp = writeTemp(file);
      try {
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException lostRace) {
        // another server wrote it first: use that one
      } catch (UnsupportedOperationException | IOException noHardLinks) {
        if (!Files.exists(file)) {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY_FILE));
    return read(file);
  }

  /** Replaces the token with a new one (atomic rename) and returns it. */
  public static String rotate(Path file) throws IOException {
    privateFolders(file);
    Path tmp = writeTemp(file);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return read(file);
  }

  private static void privateFolders(Path file) throws IOException {
    Path server = file.toAbsolutePath().getParent();
    Files.createDirectories(server);
    try {
      Files.setPosixFilePermissions(server.getParent(), PosixFilePermissions.fromString(OWNER_ONLY_DIR));
    } catch (AccessDeniedException notOurs) {
      // a home folder someone else owns (a shared mount): the server folder below is the guard
    }
    Files.setPosixFilePermissions(server, PosixFilePermissions.fromString(OWNER_ONLY_DIR));
  }

  /** A new token in a fresh file next to {@code file}, created 0600 (never wider, even briefly). */
  private static Path writeTemp(Path file) throws IOException {
    SecureRandom random = new SecureRandom();
    byte[] b = new byte[32];
    random.nextBytes(b);
    String token = "sky4j_" + HexFormat.of().formatHex(b);
    Path tmp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(random.nextLong()) + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, java.util.Set.of(StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString(OWNER_ONLY_FILE)))) {
      ch.write(java.nio.ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII)));
      ch.force(true);
    }
    return tmp;
  }
}
