package dev.sky4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sky stop CLUSTER...}. */
@Command(name = "stop", description = "Stop clusters, keeping their disks (sky start resumes them).")
public final class StopCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "CLUSTER",
      description = "Cluster names; -a for all.") List<String> clusters;

  @Option(names = {"-a", "--all"}, description = "Every cluster.") boolean all;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.") boolean yes;

  @Option(names = "--async", description = "Return at once; follow with sky api logs.") boolean async;

  @Override
  public Integer call() {
    return ClusterVerb.run("stop", clusters, all, yes, null, false, false, async);
  }
}
