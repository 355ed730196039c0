package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.cli.remote.TaskOptions;
import dev.sky4j.client.dto.ManagedJobLaunch;
import dev.sky4j.client.dto.ManagedJobRecord;
import dev.sky4j.client.dto.StreamEnd;
import dev.sky4j.client.dto.TaskInput;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sky jobs launch -n NAME TASK.yaml}: validates here, submits, then follows the job's log
 * (across recoveries) unless {@code -d}. Ctrl-C only detaches: the server's controller keeps it.
 */
@Command(name = "launch", description = "Launch a managed job (recovers from preemption).")
public final class JobsLaunchCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "TASK.yaml|COMMAND",
      description = "The task file, or a command to run (after --).") List<String> entrypoint;

  @Mixin TaskOptions task;

  @Option(names = "--job-recovery", paramLabel = "STRATEGY",
      description = "EAGER_NEXT_REGION (default) or FAILOVER; overrides job_recovery in the YAML.")
  String strategy;

  @Option(names = {"-d", "--detach-run"}, description = "Return once submitted.")
  boolean detach;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
  boolean yes;

  @Override
  public Integer call() {
    return TaskSubmit.run(task, entrypoint, "sky jobs launch -n train examples/spot-train.yaml",
        "sky jobs launch -n train task.yaml", this::submit);
  }

  private int submit(TaskInput in) {
    return Remote.run(Version.current(), c -> {
      ManagedJobRecord j = c.launchManagedJob(new ManagedJobLaunch(null, in, strategy));
      System.err.println("Managed job " + j.id() + " (" + j.name() + ") submitted, recovery "
          + j.strategy() + ". sky jobs queue | sky jobs logs " + j.id() + " | sky jobs cancel "
          + j.id());
      if (detach) {
        return 0;
      }
      StreamEnd end = c.managedJobLogs(j.id(), false, true, 0, text -> {
        System.out.print(text);
        System.out.flush();
      });
      System.err.println("Managed job " + j.id() + " " + (end == null ? "ended" : end.status())
          + (end == null || end.detail() == null ? "" : ": " + end.detail()));
      return end != null && "SUCCEEDED".equals(end.status()) ? 0 : 1;
    });
  }
}
