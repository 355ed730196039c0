package dev.sky4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real SkyPilot-style task files (test resources {@code skypilot-compat/}), each with the verdict
 * its header expects: files SkyPilot 0.14.1 accepts validate here, with warnings where the
 * bundled catalog cannot run part of them; the ones it rejects fail with the same rule.
 */
class SkyPilotCompatTest {
  private static final Catalog CATALOG = Catalog.bundled();

  static Stream<Path> files() throws IOException, URISyntaxException {
    Path dir = Path.of(SkyPilotCompatTest.class.getResource("/skypilot-compat").toURI());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void verdictMatchesTheHeader(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<Diagnostic> diags = TaskLoader.load(text, file.getFileName().toString(), CATALOG).diagnostics();
    List<String> expectedErrors = new ArrayList<>();
    boolean sawExpectation = false;
    for (String line : text.split("\n")) {
      if (line.equals("# expect: valid")) {
        sawExpectation = true;
      } else if (line.startsWith("# expect-error: ")) {
        sawExpectation = true;
        expectedErrors.add(line.substring("# expect-error: ".length()).trim());
      } else if (line.startsWith("# expect-warning: ")) {
        String w = line.substring("# expect-warning: ".length()).trim();
        assertThat(diags).as("%s: warning %s in %s", file.getFileName(), w, diags)
            .anyMatch(d -> !d.isError() && at(d).equals(w));
      } else if (line.startsWith("# expect-words: ")) {
        String words = line.substring("# expect-words: ".length()).trim();
        assertThat(diags).as("%s: '%s' in %s", file.getFileName(), words, diags)
            .anyMatch(d -> d.message().contains(words));
      }
    }
    assertThat(sawExpectation).as(file + " has no '# expect' header").isTrue();
    List<String> errors = diags.stream().filter(Diagnostic::isError).map(SkyPilotCompatTest::at).toList();
    assertThat(errors).as("%s: %s", file.getFileName(), diags)
        .containsExactlyInAnyOrderElementsOf(expectedErrors);
  }

  @org.junit.jupiter.api.Test
  void aFixIsNeverOfferedOverAnEnvReference() throws Exception {
    // 's4' came from $STORE: replacing the scalar with 's3' would delete the variable
    Path f = files().filter(p -> p.endsWith("env-substituted-value-checked.yaml")).findFirst().orElseThrow();
    List<Diagnostic> diags = TaskLoader.load(Files.readString(f), "t.yaml", CATALOG).diagnostics();
    assertThat(diags).filteredOn(d -> d.code().equals("invalid-value")).singleElement()
        .satisfies(d -> assertThat(d.suggestions()).isEmpty());
  }

  private static String at(Diagnostic d) {
    return d.code() + " " + d.range().startLine() + ":" + d.range().startColumn();
  }
}
