package dev.sky4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sky} program. Each subcommand is its own class; this one only wires them. Usage
 * errors exit 2, as {@code sky validate}'s contract says.
 */
@Command(
    name = "sky",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Run GPU dev boxes and jobs from a task YAML.",
    subcommands = {
      ValidateCommand.class,
      SchemaCommand.class,
      ShowGpusCommand.class,
      LaunchCommand.class,
      ExecCommand.class,
      StatusCommand.class,
      QueueCommand.class,
      LogsCommand.class,
      CancelCommand.class,
      StopCommand.class,
      StartCommand.class,
      DownCommand.class,
      AutostopCommand.class,
      LocalCommand.class,
      CheckCommand.class,
      CostReportCommand.class,
      JobsCommand.class,
      ApiCommand.class,
      LspCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code; tests call this in-process. */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("error: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      return 2;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
