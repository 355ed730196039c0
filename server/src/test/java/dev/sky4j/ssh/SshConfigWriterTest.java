package dev.sky4j.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.paths.Sky4jPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigWriterTest {
  @TempDir Path tmp;

  private static final String USER_CONFIG = "# my settings\r\nHost *\n  ServerAliveInterval 30\n\n"
      + "Host work\n  HostName 10.0.0.1\n  User me\n  # trailing comment, no newline at end";

  @Test
  void userConfigIsPreservedByteForByteBelowOneIncludeAtTheTop() throws Exception {
    Sky4jPaths paths = Sky4jPaths.under(tmp);
    Files.createDirectories(paths.sshConfig().getParent());
    byte[] original = USER_CONFIG.getBytes(StandardCharsets.UTF_8);
    Files.write(paths.sshConfig(), original);
    SshConfigWriter w = new SshConfigWriter(paths);
    List<SshConfigWriter.HostEntry> hosts = List.of(
        new SshConfigWriter.HostEntry("dev", "127.1.2.3", 2222, "me", paths.keysDir().resolve("sky-key")),
        new SshConfigWriter.HostEntry("dev-worker1", "127.1.2.4", 2222, "me", paths.keysDir().resolve("sky-key")));
    w.writeCluster("dev", hosts);
    w.writeCluster("dev", hosts);
    w.writeCluster("other", hosts.subList(0, 1));

    byte[] now = Files.readAllBytes(paths.sshConfig());
    String text = new String(now, StandardCharsets.UTF_8);
    String header = "# Added by sky4j: SSH access to clusters by name\n" + w.includeLine() + "\n\n";
    assertThat(text).startsWith(header);
    assertThat(text.split(java.util.regex.Pattern.quote(w.includeLine()), -1)).hasSize(2);
    assertThat(Arrays.copyOfRange(now, header.getBytes(StandardCharsets.UTF_8).length, now.length))
        .isEqualTo(original);

    String cluster = Files.readString(paths.generatedSshDir().resolve("dev"));
    assertThat(cluster).contains("Host dev\n  HostName 127.1.2.3\n").contains("Host dev-worker1\n")
        .contains("IdentitiesOnly yes").contains("Port 2222");

    w.removeCluster("dev");
    assertThat(paths.generatedSshDir().resolve("dev")).doesNotExist();
    assertThat(paths.generatedSshDir().resolve("other")).exists();
    assertThat(Files.readAllBytes(paths.sshConfig())).isEqualTo(now);
  }

  @Test
  void anIncludeOnlyInsideAHostBlockDoesNotCountAndPathsUnderHomeUseTilde() throws Exception {
    Path fakeHome = tmp.resolve("home");
    Sky4jPaths paths = new Sky4jPaths(fakeHome.resolve(".sky4j"), fakeHome, fakeHome.resolve(".ssh/config"));
    SshConfigWriter w = new SshConfigWriter(paths);
    assertThat(w.includeLine()).isEqualTo("Include ~/.sky4j/generated/ssh/*");
    Files.createDirectories(paths.sshConfig().getParent());
    String scoped = "Host box\n  " + w.includeLine() + "\n";
    Files.writeString(paths.sshConfig(), scoped);
    w.writeCluster("c", List.of(new SshConfigWriter.HostEntry("c", "127.0.0.9", 22, "u",
        paths.keysDir().resolve("sky-key"))));
    assertThat(Files.readString(paths.sshConfig())).isEqualTo(
        "# Added by sky4j: SSH access to clusters by name\n" + w.includeLine() + "\n\n" + scoped);
    assertThat(Files.readString(paths.generatedSshDir().resolve("c")))
        .contains("IdentityFile ~/.sky4j/keys/sky-key");
  }

  @Test
  void generatedKeyIsPrivateAndReadableByOpenSsh() throws Exception {
    Sky4jPaths paths = Sky4jPaths.under(tmp);
    KeyManager.KeyFiles keys = KeyManager.ensure(paths);
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(keys.privateKey()))).isEqualTo("rw-------");
    assertThat(KeyManager.ensure(paths).publicKeyLine()).isEqualTo(keys.publicKeyLine());
    if (Files.isExecutable(Path.of("/usr/bin/ssh-keygen"))) {
      Process p = new ProcessBuilder("ssh-keygen", "-y", "-f", keys.privateKey().toString())
          .redirectErrorStream(true).start();
      String derived = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(p.waitFor()).isZero();
      assertThat(keys.publicKeyLine()).startsWith(derived);
    }
  }

  @Test
  void ignoreRulesCoverTheDocumentedSubset() {
    IgnoreRules r = IgnoreRules.parse(List.of("# c", "*.log", "!keep.log", "build/", "/top.txt", "a/**/z"));
    assertThat(r.ignored("x/y.log", false)).isTrue();
    assertThat(r.ignored("keep.log", false)).isFalse();
    assertThat(r.ignored("src/build", true)).isTrue();
    assertThat(r.ignored("src/build", false)).isFalse();
    assertThat(r.ignored("top.txt", false)).isTrue();
    assertThat(r.ignored("sub/top.txt", false)).isFalse();
    assertThat(r.ignored("a/b/c/z", false)).isTrue();
    assertThat(r.ignored("a/z", false)).isTrue();
  }
}
