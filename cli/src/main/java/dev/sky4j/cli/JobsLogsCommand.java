package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.ManagedJobRecord;
import dev.sky4j.client.dto.StreamEnd;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sky jobs logs [JOB_ID] [-n NAME]}: the job's output over all attempts, or the
 * controller's log. Without an id, the newest job of that name, or the newest job of all, as in
 * SkyPilot.
 */
@Command(name = "logs", description = "Show a managed job's output (or its controller's log). "
    + "Without JOB_ID: the newest job named -n NAME, else the newest job.")
public final class JobsLogsCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "JOB_ID",
      description = "The managed job (default: the newest, or the newest named -n NAME).") Long id;

  @Option(names = {"-n", "--name"}, paramLabel = "NAME",
      description = "The newest managed job with this name.")
  String name;

  @Option(names = "--controller", description = "The controller's log: launches, preemptions, "
      + "recoveries and why.")
  boolean controller;

  @Option(names = "--follow", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Keep streaming until the job ends (default); --no-follow prints what exists.")
  boolean follow;

  @Override
  public Integer call() {
    if (id != null && name != null) {
      System.err.println("error: give a JOB_ID or -n NAME, not both");
      return 2;
    }
    return Remote.run(Version.current(), c -> {
      long job;
      if (id != null) {
        job = id;
      } else {
        ManagedJobRecord newest = newest(c.managedJobs(), name);
        if (newest == null) {
          System.err.println(name == null ? "No managed job yet; start one with: sky jobs launch "
              + "task.yaml" : "No managed job named '" + name + "'; sky jobs queue lists them.");
          return 1;
        }
        job = newest.id();
        System.err.println("Managed job " + job + " (" + newest.name() + ", " + newest.status()
            + ")");
      }
      StreamEnd end = c.managedJobLogs(job, controller, follow, 0, text -> {
        System.out.print(text);
        System.out.flush();
      });
      if (end != null && !follow) {
        return 0;
      }
      return end != null && "SUCCEEDED".equals(end.status()) ? 0 : 1;
    });
  }

  /** The job with the highest id (the newest), among those named {@code nameOrNull}. */
  static ManagedJobRecord newest(List<ManagedJobRecord> jobs, String nameOrNull) {
    ManagedJobRecord best = null;
    for (ManagedJobRecord j : jobs) {
      if ((nameOrNull == null || nameOrNull.equals(j.name())) && (best == null || j.id() > best.id())) {
        best = j;
      }
    }
    return best;
  }
}
