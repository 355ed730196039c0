package dev.sky4j.agent.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy behind storage sources and COPY mounts (source folder to bucket, bucket to a node):
 * links stay links, so a link to {@code .} ends and outside content never comes in.
 */
class TreeCopyTest {
  @TempDir Path tmp;

  @Test
  void linksAreCopiedAsLinksNeverFollowed() throws Exception {
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "outside-content\n");
    Path src = Files.createDirectories(tmp.resolve("src/sub"));
    Files.writeString(src.resolve("f.txt"), "inner\n");
    Path from = src.getParent();
    Files.createSymbolicLink(from.resolve("loop"), Path.of("."));
    Files.createSymbolicLink(from.resolve("out"), outside);
    Files.createSymbolicLink(from.resolve("rel"), Path.of("sub/f.txt"));
    Files.createSymbolicLink(from.resolve("dangling"), Path.of("missing"));
    Path to = tmp.resolve("bucket");

    TreeCopy.copy(from, to);
    TreeCopy.copy(from, to); // again over the first copy: links replaced, not written through

    assertThat(Files.readSymbolicLink(to.resolve("loop"))).isEqualTo(Path.of("."));
    assertThat(Files.readSymbolicLink(to.resolve("out"))).isEqualTo(outside);
    assertThat(Files.readSymbolicLink(to.resolve("rel"))).isEqualTo(Path.of("sub/f.txt"));
    assertThat(Files.readSymbolicLink(to.resolve("dangling"))).isEqualTo(Path.of("missing"));
    assertThat(to.resolve("sub/f.txt")).hasContent("inner");
    assertThat(outside).hasContent("outside-content");
    try (var s = Files.walk(to)) {
      assertThat(s.filter(Files::isRegularFile).filter(p -> !Files.isSymbolicLink(p))
          .map(p -> to.relativize(p).toString())).containsExactly("sub/f.txt");
    }
  }

  @Test
  void theNamedSourceFolderIsFollowedWhenItIsALink() throws Exception {
    Path real = Files.createDirectories(tmp.resolve("real"));
    Files.writeString(real.resolve("a.txt"), "a\n");
    Path named = Files.createSymbolicLink(tmp.resolve("named"), real);
    TreeCopy.copy(named, tmp.resolve("to"));
    assertThat(tmp.resolve("to/a.txt")).hasContent("a");
  }
}
