package dev.sky4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sky jobs ...}: managed jobs that recover from preemption by themselves. */
@Command(name = "jobs", description = "Managed jobs: long runs that survive spot preemption.",
    subcommands = {JobsLaunchCommand.class, JobsQueueCommand.class, JobsLogsCommand.class,
        JobsCancelCommand.class})
public final class JobsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
