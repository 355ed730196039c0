package dev.sky4j.provision.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.ssh.CommandRunner;
import dev.sky4j.ssh.FolderSync;
import dev.sky4j.ssh.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A workdir with symbolic links, synced to a real node over SFTP: links arrive as links (as with
 * rsync), a link to {@code .} is one entry rather than an endless tree, a link out of the folder
 * never brings the outside file's content, a changed target is made again, and a link the node
 * has is replaced, never written through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderSyncLinksTest {
  private static final String OUTSIDE = "outside-content-913";
  private LocalCloudFixture cloud;
  private CommandRunner head;
  /** Outside the workdir, yet seen by the node too (its private root keeps $SKY4J_HOME). */
  private Path outside;

  @BeforeAll
  void launch() throws Exception {
    cloud = new LocalCloudFixture("");
    ClusterInfo info = cloud.launch("links", 1, false);
    head = new CommandRunner(new SshTarget(info.head().sshHost(), info.head().sshPort(),
        info.sshUser(), info.privateKey()));
    outside = Files.createDirectories(cloud.paths.sky4jHome().resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), OUTSIDE + "\n");
  }

  @AfterAll
  void close() throws Exception {
    head.close();
    cloud.close();
  }

  private String sh(String cmd) throws Exception {
    CommandRunner.Result r = head.run(cmd);
    assertThat(r.exitCode()).as(cmd + ": " + r.stderr()).isZero();
    return r.stdout().strip();
  }

  @Test
  void linksAreCopiedAsLinksAndNeverFollowed() throws Exception {
    Path wd = Files.createDirectories(cloud.root.resolve("wd"));
    Files.writeString(wd.resolve("train.py"), "print('hi')\n");
    Files.createDirectories(wd.resolve("sub"));
    Files.writeString(wd.resolve("sub/file.txt"), "inner\n");
    Files.createSymbolicLink(wd.resolve("loop"), Path.of("."));
    Files.createSymbolicLink(wd.resolve("sub/up"), Path.of(".."));
    Files.createSymbolicLink(wd.resolve("out"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(wd.resolve("outdir"), outside);
    Files.createSymbolicLink(wd.resolve("rel"), Path.of("sub/file.txt"));
    Files.createSymbolicLink(wd.resolve("dangling"), Path.of("no-such-file"));

    FolderSync.Stats first = FolderSync.sync(head, wd, "wd");
    assertThat(first.uploaded()).isEqualTo(8); // 2 files and 6 links
    assertThat(sh("cd wd && for l in loop sub/up out outdir rel dangling; do test -L $l && "
        + "echo \"$l -> $(readlink $l)\"; done")).isEqualTo(String.join("\n",
            "loop -> .", "sub/up -> ..", "out -> " + outside.resolve("secret.txt"),
            "outdir -> " + outside, "rel -> sub/file.txt", "dangling -> no-such-file"));
    assertThat(sh("cat wd/rel")).isEqualTo("inner");
    assertThat(sh("find wd -type f | sort")).isEqualTo("wd/sub/file.txt\nwd/train.py");
    assertThat(sh("find wd -type f -exec cat {} +")).doesNotContain(OUTSIDE);
    assertThat(sh("ls -A wd | sort")).doesNotContain(".sky4j-link-probe");

    FolderSync.Stats again = FolderSync.sync(head, wd, "wd");
    assertThat(again.uploaded()).as("nothing changed").isZero();
    assertThat(again.unchanged()).isEqualTo(8);

    Files.delete(wd.resolve("rel"));
    Files.createSymbolicLink(wd.resolve("rel"), Path.of("train.py"));
    assertThat(FolderSync.sync(head, wd, "wd").uploaded()).as("a changed link target").isEqualTo(1);
    assertThat(sh("readlink wd/rel")).isEqualTo("train.py");

    // the node has a link where a file now goes: the link is replaced, its target untouched
    Files.delete(wd.resolve("out"));
    Files.writeString(wd.resolve("out"), "now a plain file\n");
    Files.delete(wd.resolve("loop"));
    Files.createDirectories(wd.resolve("loop"));
    Files.writeString(wd.resolve("loop/in.txt"), "in a real folder\n");
    FolderSync.sync(head, wd, "wd");
    assertThat(sh("test ! -L wd/out && cat wd/out")).isEqualTo("now a plain file");
    assertThat(outside.resolve("secret.txt")).hasContent(OUTSIDE);
    assertThat(sh("test ! -L wd/loop && cat wd/loop/in.txt")).isEqualTo("in a real folder");
    assertThat(sh("cat wd/train.py")).isEqualTo("print('hi')");
  }
}
