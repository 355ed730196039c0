package dev.sky4j.agent.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Copies a folder's tree (a storage source into its bucket, a bucket into a node's COPY mount)
 * with symbolic links copied as links, as rsync and {@code cp -a} do: a link is never followed,
 * so a link to {@code .} cannot loop and a link out of the tree never brings outside content.
 * A file that is not a folder, a link or a regular file (a socket, a pipe) is skipped.
 */
public final class TreeCopy {
  private TreeCopy() {}

  /** Copies what is under {@code from} into {@code to} (created as needed), replacing files. */
  public static void copy(Path from, Path to) throws IOException {
    Path root = from.toRealPath(); // the folder the caller names is followed, links below it not
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(root.relativize(p).toString());
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
          if (Files.isSymbolicLink(t)) {
            Files.delete(t); // never copy into the tree through a link left there
          }
          Files.createDirectories(t);
        } else if (a.isSymbolicLink() || a.isRegularFile()) {
          if (Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot copy " + p + ": " + t + " is a folder there");
          }
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
              LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }
}
