package dev.sky4j.cli;

import dev.sky4j.cli.remote.TaskOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sky launch [TASK.yaml | -- COMMAND]}: validate here, then have the server provision (or
 * reuse) the cluster, sync, set up and run, following the log ({@link LaunchRunner}). With
 * {@code --dryrun}, the server's plan for it instead ({@link DryRun}).
 */
@Command(name = "launch", description = "Launch a cluster on the cheapest resources that fit the "
    + "task (or reuse -c CLUSTER), set it up and run the task; --dryrun shows the plan only.")
public final class LaunchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "TASK.yaml|COMMAND",
      description = "The task file, or a command to run (after --).")
  List<String> entrypoint;

  @picocli.CommandLine.Mixin LaunchFlags launchFlags;

  @picocli.CommandLine.Mixin TaskOptions task;

  @Option(names = "--dryrun", description = "Show the plans the server would launch on (its "
      + "enabled clouds, these flags applied), cheapest first; launch nothing.")
  boolean dryrun;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "With --dryrun: table (default) or json.")
  String output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int run(PrintWriter out, PrintWriter err) {
    boolean json = output.equalsIgnoreCase("json");
    if (!json && !output.equalsIgnoreCase("table")) {
      err.println("error: --output must be 'table' or 'json', not '" + output + "'");
      return 2;
    }
    if (!dryrun) {
      return LaunchRunner.run(entrypoint, task, launchFlags.flags());
    }
    // the server plans it: the same validator, flags, enabled clouds and planner as a launch
    return TaskSubmit.run(task, entrypoint, LaunchRunner.USAGE, "sky launch --dryrun task.yaml",
        in -> DryRun.run(in, json, out, err));
  }
}
