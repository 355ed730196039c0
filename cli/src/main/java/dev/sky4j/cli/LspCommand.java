package dev.sky4j.cli;

import dev.sky4j.lsp.StdioServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sky lsp}: the language server on stdin/stdout, for VS Code, neovim, Emacs or any LSP
 * client. {@code sky lsp --check FILE...} is the batch mode for CI: it is {@code sky validate}
 * (same findings, same output, exit 1 on errors), so an editor and CI can never disagree.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
    description = "Run the task YAML language server on stdio, or check files with --check.")
public final class LspCommand implements Callable<Integer> {
  @Option(names = "--check", description = "Check FILEs, print diagnostics as sky validate does, exit 1 on errors.")
  boolean check;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Task YAML files (with --check).")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() {
    if (check) {
      if (files.isEmpty()) {
        System.err.println("error: --check needs at least one FILE. Example: sky lsp --check task.yaml");
        return 2;
      }
      ValidateCommand validate = new ValidateCommand();
      validate.files = files;
      validate.output = "text";
      return validate.call();
    }
    if (!files.isEmpty()) {
      System.err.println("error: FILEs are only read with --check; the server takes documents from the editor.");
      return 2;
    }
    return StdioServer.run(System.in, System.out);
  }
}
