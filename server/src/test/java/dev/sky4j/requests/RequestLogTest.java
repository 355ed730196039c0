package dev.sky4j.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request log never holds a secret value, however the output that carries it is cut. */
class RequestLogTest {
  @TempDir Path tmp;

  @Test
  void aValueSplitAcrossWritesIsMaskedAndStageLinesAreRedacted() throws Exception {
    Path f = tmp.resolve("r.log");
    try (RequestLog log = new RequestLog(f, new Redactor(List.of("abcdef")))) {
      log.write("out: abc");
      log.write("de");
      log.write("f\n");
      log.stage("Error: bad token abcdef");
      log.write("tail abc"); // never completed: given out as it is at the end
    }
    assertThat(Files.readString(f)).isEqualTo(
        "out: ******\nError: bad token <redacted>\ntail abc");
  }

  @Test
  void addingSecretsKeepsWhatWasHeldBack() throws Exception {
    Path f = tmp.resolve("r.log");
    try (RequestLog log = new RequestLog(f, new Redactor(List.of("abcdef")))) {
      log.write("key=abc");
      log.addSecrets(List.of("other-secret"));
      log.write("def other-secret\n");
    }
    assertThat(Files.readString(f)).isEqualTo("key=****** ************\n");
  }
}
