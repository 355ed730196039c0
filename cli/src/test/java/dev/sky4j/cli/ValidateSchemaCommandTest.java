package dev.sky4j.cli;

import static dev.sky4j.cli.InProcessSky.sky;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.cli.InProcessSky.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sky validate} and {@code sky schema}, run in-process through Main.run. */
class ValidateSchemaCommandTest {
  @Test
  void validFileExitsZero(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("ok.yaml"), "name: ok\nrun: echo hi\n");
    Run r = sky("validate", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("ok.yaml: OK");
  }

  @Test
  void warningsAloneExitZero(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("w.yaml"), "envs:\n  TOKEN:\nrun: echo $TOKEN\n");
    Run r = sky("validate", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("warning[env-null]").contains("OK (1 warning)");
  }

  @Test
  void errorsPrintLocationCaretAndHelpAndExitOne(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("bad.yaml"), "resources:\n  acelerators: H100\nrun: x\n");
    Run r = sky("validate", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("bad.yaml:2:3: error[unknown-field]: ")
        .contains("2 |   acelerators: H100")
        .contains("  |   ^^^^^^^^^^^\n")
        .contains("= help: replace with 'accelerators'")
        .contains("1 error.")
        .doesNotContain("\u001b["); // no colour when not on a terminal
  }

  @Test
  void jsonOutputIsMachineReadable(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("bad.yaml"), "num_nodes: 0\nrun: x\n");
    Run r = sky("validate", "-o", "json", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).startsWith("{\"files\":1,\"errors\":1,\"warnings\":0,\"diagnostics\":[{")
        .contains("\"severity\":\"error\"").contains("\"code\":\"out-of-range\"")
        .contains("\"line\":1,\"column\":12").contains("\"path\":\"$.num_nodes\"")
        .contains("\"suggestions\":[]");
  }

  @Test
  void missingFileIsAUsageError(@TempDir Path dir) {
    Run r = sky("validate", dir.resolve("nope.yaml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nope.yaml: no such file");
  }

  @Test
  void missingFileIsAUsageErrorForEveryCommandThatRunsOne(@TempDir Path dir) {
    String nope = dir.resolve("nope.yaml").toString();
    // refused before any server is asked, with the same message and exit code as validate
    for (String[] args : new String[][] {{"launch", nope}, {"launch", "--dryrun", nope},
        {"exec", "dev", nope}, {"jobs", "launch", nope}}) {
      Run r = sky(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args))
          .startsWith("error: " + nope + ": no such file. Check the path, e.g. sky ");
    }
  }

  @Test
  void noFileIsAUsageError() {
    Run r = sky("validate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("FILE");
  }

  @Test
  void schemaPrintsDraft07() {
    Run r = sky("schema");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("{").contains("draft-07").contains("\"additionalProperties\": false");
  }
}
