package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.StreamEnd;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sky jobs logs ID}: the job's output over all attempts, or the controller's log. */
@Command(name = "logs", description = "Show a managed job's output (or its controller's log).")
public final class JobsLogsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "JOB_ID") long id;

  @Option(names = "--controller", description = "The controller's log: launches, preemptions, "
      + "recoveries and why.")
  boolean controller;

  @Option(names = "--follow", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Keep streaming until the job ends (default); --no-follow prints what exists.")
  boolean follow;

  @Override
  public Integer call() {
    return Remote.run(Version.current(), c -> {
      StreamEnd end = c.managedJobLogs(id, controller, follow, 0, text -> {
        System.out.print(text);
        System.out.flush();
      });
      if (end != null && !follow) {
        return 0;
      }
      return end != null && "SUCCEEDED".equals(end.status()) ? 0 : 1;
    });
  }
}
