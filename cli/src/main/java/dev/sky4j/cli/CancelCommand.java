package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.CancelRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sky cancel CLUSTER JOB...|--all}. */
@Command(name = "cancel", description = "Cancel jobs on a cluster (their whole process trees).")
public final class CancelCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster.") String cluster;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "JOB_ID",
      description = "Job ids (sky queue CLUSTER lists them); -a for all.") List<Integer> jobs;

  @Option(names = {"-a", "--all"}, description = "Cancel every unfinished job.") boolean all;

  @Option(names = {"-y", "--yes"}, description = "Do not ask.") boolean yes;

  @Override
  public Integer call() {
    return Remote.run(Version.current(), c -> {
      String id = c.submit("/cancel", new CancelRequest(cluster, jobs, all));
      return Remote.outcome(Remote.follow(c, id, "sky api logs " + id));
    });
  }
}
