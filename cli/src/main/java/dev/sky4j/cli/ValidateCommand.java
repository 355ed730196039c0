package dev.sky4j.cli;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Diagnostics;
import dev.sky4j.spec.LoadResult;
import dev.sky4j.spec.Severity;
import dev.sky4j.spec.TaskLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sky validate FILE...}: prints every finding with its place and a fix. Exit 0 when no file
 * has errors (warnings allowed), 1 when some has, 2 for usage errors such as a missing file.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check task YAML files and print problems with line, column and a fix.")
public final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Task YAML files.")
  List<Path> files = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or json.")
  String output;

  @Option(names = "--no-catalog", description = "Skip checks against the GPU/price catalog.")
  boolean noCatalog;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    if (!output.equals("text") && !output.equals("json")) {
      err.println("error: unknown output format '" + output + "'. Use -o text or -o json.");
      return 2;
    }
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        err.println("error: " + f + ": no such file. Check the path (sky validate FILE...).");
        return 2;
      }
    }
    boolean json = output.equals("json");
    boolean color = !json && System.console() != null && System.getenv("NO_COLOR") == null;
    int errors = 0;
    int warnings = 0;
    List<String> jsonItems = new ArrayList<>();
    for (Path f : files) {
      String text;
      try {
        text = Files.readString(f, StandardCharsets.UTF_8);
      } catch (MalformedInputException e) {
        err.println("error: " + f + ": not UTF-8 text. Save the file as UTF-8.");
        return 2;
      } catch (IOException e) {
        err.println("error: " + f + ": cannot read it (" + e.getMessage() + ").");
        return 2;
      }
      LoadResult r = TaskLoader.load(text, f.toString(), noCatalog ? null : Catalog.get());
      for (Diagnostic d : r.diagnostics()) {
        if (d.severity() == Severity.ERROR) {
          errors++;
        } else if (d.severity() == Severity.WARNING) {
          warnings++;
        }
        if (json) {
          jsonItems.add(Diagnostics.toJson(f.toString(), d));
        }
      }
      if (!json) {
        out.print(Diagnostics.formatText(f.toString(), text, r.diagnostics(), color));
      }
    }
    if (json) {
      out.println("{\"files\":" + files.size() + ",\"errors\":" + errors + ",\"warnings\":" + warnings
          + ",\"diagnostics\":[" + String.join(",", jsonItems) + "]}");
    } else {
      String files = this.files.size() == 1 ? this.files.get(0).toString() : this.files.size() + " files";
      if (errors == 0) {
        out.println(files + ": OK" + (warnings == 0 ? "" : " (" + plural(warnings, "warning") + ")"));
      } else {
        out.println(files + ": " + plural(errors, "error") + (warnings == 0 ? "" : ", " + plural(warnings, "warning"))
            + ". Fix the errors above and run sky validate again.");
      }
    }
    out.flush();
    return errors == 0 ? 0 : 1;
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
