package dev.sky4j.spec.bench;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.LoadResult;
import dev.sky4j.spec.TaskLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Warm validation time of one task file (a benchmark main, not a test): loads it repeatedly with
 * the catalog and prints the median. Run by bench/validate-cli.sh; usage: ValidateBench FILE [N].
 */
public final class ValidateBench {
  private ValidateBench() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
    String text = Files.readString(file);
    Catalog catalog = Catalog.get();
    int sink = 0;
    for (int i = 0; i < n; i++) { // warm-up: JIT and catalog indexes
      sink += TaskLoader.load(text, file.toString(), catalog).diagnostics().size();
    }
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      long s = System.nanoTime();
      LoadResult r = TaskLoader.load(text, file.toString(), catalog);
      t[i] = System.nanoTime() - s;
      sink += r.tasks().size();
    }
    Arrays.sort(t);
    System.out.printf("warm validate %s: median %.1f us, p90 %.1f us (n=%d, sink=%d)%n",
        file.getFileName(), t[n / 2] / 1e3, t[(int) (n * 0.9)] / 1e3, n, sink);
  }
}
