package dev.sky4j.cli;

import java.util.Arrays;
import java.util.List;
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
    description = "Run GPU dev boxes and jobs from a task YAML.")
public final class Main implements Runnable {
  /** Every subcommand, in the order {@code sky --help} lists them. */
  static final List<Class<?>> COMMANDS = List.of(
      ValidateCommand.class,
      SchemaCommand.class,
      ShowGpusCommand.class,
      CatalogCommand.class,
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
      StorageCommand.class,
      JobsCommand.class,
      ApiCommand.class,
      LspCommand.class,
      KernelCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code; tests call this in-process. */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    // Building picocli's model of every command costs ~100 ms of reflection at each start, so a
    // run that names a command registers only that one; help and unknown words get all of them.
    Class<?> only = args.length > 0 ? find(args[0]) : null;
    for (Class<?> c : only != null ? List.<Class<?>>of(only) : COMMANDS) {
      cl.addSubcommand(withHelp(new CommandLine(c)));
    }
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("error: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      return 2;
    });
    return cl.execute(args);
  }

  /** Every command and sub-subcommand answers {@code -h/--help}, as the error hints promise. */
  private static CommandLine withHelp(CommandLine cl) {
    if (cl.getCommandSpec().optionsMap().get("--help") == null) {
      cl.getCommandSpec().mixinStandardHelpOptions(true);
    }
    cl.getSubcommands().values().forEach(Main::withHelp);
    return cl;
  }

  private static Class<?> find(String word) {
    for (Class<?> c : COMMANDS) {
      Command meta = c.getAnnotation(Command.class);
      if (meta.name().equals(word) || Arrays.asList(meta.aliases()).contains(word)) {
        return c;
      }
    }
    return null;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
