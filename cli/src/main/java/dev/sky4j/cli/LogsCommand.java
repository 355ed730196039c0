package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.StreamEnd;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sky logs CLUSTER [JOB]}: a job's output, followed until it ends unless --no-follow; with
 * {@code --hook EVENT}, the output the server saved of the cluster's stop/down hooks instead.
 */
@Command(name = "logs", description = "Show a job's output (the latest job by default), "
    + "or with --hook the saved output of the cluster's lifecycle hooks.")
public final class LogsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster.") String cluster;

  @Parameters(index = "1", arity = "0..1", paramLabel = "JOB_ID",
      description = "The job (default: the latest).") Integer jobId;

  @Option(names = "--follow", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Keep streaming until the job ends (default); --no-follow prints what exists.")
  boolean follow;

  @Option(names = "--status", description = "Print only the job's status; exit 0 if it succeeded.")
  boolean status;

  @Option(names = "--hook", paramLabel = "EVENT",
      description = "Print the saved output of the cluster's stop, down or preemption hooks "
          + "(kept by the server after sky stop / sky down); exit 1 when there is none.")
  String hook;

  @Override
  public Integer call() {
    if (hook != null) {
      if (jobId != null || status) {
        System.err.println("error: --hook prints hook output, not a job's: drop the JOB_ID and "
            + "--status, e.g. sky logs " + cluster + " --hook " + hook);
        return 2;
      }
      return Remote.run(Version.current(), c -> {
        String out = c.hookLog(cluster, hook).output();
        System.out.print(out.endsWith("\n") || out.isEmpty() ? out : out + "\n");
        return 0;
      });
    }
    return Remote.run(Version.current(), c -> {
      AtomicBoolean done = new AtomicBoolean();
      Thread hook = new Thread(() -> {
        if (!done.get()) {
          System.err.println();
          System.err.println("Detached; the job keeps running. Reattach with: sky logs " + cluster
              + (jobId == null ? "" : " " + jobId));
        }
      });
      Runtime.getRuntime().addShutdownHook(hook);
      StreamEnd end = c.jobLogs(cluster, jobId, follow && !status, 0, text -> {
        if (!status) {
          System.out.print(text);
          System.out.flush();
        }
      });
      done.set(true);
      if (status) {
        System.out.println(end == null ? "UNKNOWN" : end.status());
      }
      if (end == null) {
        return 1;
      }
      return switch (end.status()) {
        case "SUCCEEDED" -> 0;
        case "RUNNING", "PENDING", "SETTING_UP", "INIT" -> status ? 1 : 0;
        default -> status || follow ? 1 : 0;
      };
    });
  }
}
