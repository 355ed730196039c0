package dev.sky4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file under examples/ loads with the real catalog and no errors. */
class ExamplesTest {
  static Path examples() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples"))) {
      p = p.getParent();
    }
    return p.resolve("examples");
  }

  static Stream<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(examples())) {
      List<Path> l = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertThat(l).hasSizeGreaterThanOrEqualTo(9);
      return l.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void exampleHasNoErrors(Path file) throws IOException {
    LoadResult r = TaskLoader.load(file, Catalog.get());
    assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).as(file.toString()).isEmpty();
    assertThat(r.tasks()).isNotEmpty();
  }
}
