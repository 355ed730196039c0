package dev.sky4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sky validate} and {@code sky schema}, run in-process through Main.run. */
class ValidateSchemaCommandTest {
  record Run(int code, String out, String err) {}

  static Run sky(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

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
