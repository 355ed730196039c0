package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sky storage ls|delete} through the real CLI and API server process (the buckets
 * themselves are exercised against moto in the aws module's StorageRoutesTest).
 */
class StorageEndToEndTest {
  @TempDir Path tmp;

  @Test
  void lsAndDeleteSpeakPlainWordsAndJson() throws Exception {
    assertTrue(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    try (CliProcess sky = new CliProcess(tmp)) {
      var ls = sky.sky(tmp, "storage", "ls");
      assertThat(ls.code()).as(ls.all()).isZero();
      assertThat(ls.out()).contains("No storage");
      var json = sky.sky(tmp, "storage", "ls", "-o", "json");
      assertThat(json.out().strip()).isEqualTo("[]");
      var del = sky.sky(tmp, "storage", "delete", "nope", "-y");
      assertThat(del.code()).isNotZero();
      assertThat(del.all()).contains("no storage named nope").contains("sky storage ls")
          .doesNotContain("Exception");
      var none = sky.sky(tmp, "storage", "delete");
      assertThat(none.code()).isEqualTo(2);
      assertThat(none.err()).contains("name the storage to delete");
    }
  }
}
