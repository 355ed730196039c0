package dev.sky4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Property: any text, however broken, gives diagnostics and never an exception. 3000 mutants of
 * the examples (byte flips, deletions, duplicated lines, truncation, swapped lines), fixed seed.
 */
class FuzzTest {
  private static final String NASTY = ":-[]{}#&*!|>'\"\t\n%@`,?~ 0é🎉\\";

  @Test
  void mutatedFilesGiveDiagnosticsNotExceptions() throws Exception {
    List<String> seeds = new ArrayList<>();
    try (Stream<Path> s = Files.list(ExamplesTest.examples())) {
      for (Path p : s.sorted().toList()) {
        seeds.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    Random rnd = new Random(20240611L);
    Catalog catalog = Catalog.get();
    int withErrors = 0;
    for (int i = 0; i < 3000; i++) {
      String text = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
      LoadResult r;
      try {
        r = TaskLoader.load(text, "fuzz.yaml", catalog);
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("mutant " + i + " threw on:\n" + text, e);
      }
      long lines = text.lines().count() + 2;
      for (Diagnostic d : r.diagnostics()) {
        assertThat(d.range().startLine()).as("mutant %d: %s", i, d).isBetween(1, (int) lines);
        assertThat(d.range().startColumn()).isPositive();
        assertThat(d.message()).isNotBlank();
        assertThat(d.code()).matches("[a-z]+(-[a-z]+)*");
      }
      if (r.hasErrors()) {
        withErrors++;
        assertThat(r.tasks()).isEmpty();
      }
    }
    // the mutations must actually break files, or this test proves nothing
    assertThat(withErrors).isGreaterThan(1000);
  }

  static String mutate(String s, Random rnd) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + rnd.nextInt(4);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int at = rnd.nextInt(sb.length());
      switch (rnd.nextInt(6)) {
        case 0 -> sb.setCharAt(at, NASTY.charAt(rnd.nextInt(NASTY.length())));
        case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + rnd.nextInt(8)));
        case 2 -> {
          int end = Math.min(sb.length(), at + rnd.nextInt(40));
          sb.insert(at, sb.substring(at, end));
        }
        case 3 -> sb.setLength(at);
        case 4 -> sb.insert(at, NASTY.charAt(rnd.nextInt(NASTY.length())));
        default -> {
          String[] lines = sb.toString().split("\n", -1);
          if (lines.length > 2) {
            int a = rnd.nextInt(lines.length);
            int b = rnd.nextInt(lines.length);
            String t = lines[a];
            lines[a] = lines[b];
            lines[b] = t;
            sb.setLength(0);
            sb.append(String.join("\n", lines));
          }
        }
      }
    }
    return sb.toString();
  }
}
