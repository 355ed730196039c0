package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.StreamEnd;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sky logs CLUSTER [JOB]}: a job's output, followed until it ends unless --no-follow. */
@Command(name = "logs", description = "Show a job's output (the latest job by default).")
public final class LogsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CLUSTER") String cluster;

  @Parameters(index = "1", arity = "0..1", paramLabel = "JOB_ID") Integer jobId;

  @Option(names = "--follow", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Keep streaming until the job ends (default); --no-follow prints what exists.")
  boolean follow;

  @Option(names = "--status", description = "Print only the job's status; exit 0 if it succeeded.")
  boolean status;

  @Override
  public Integer call() {
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
