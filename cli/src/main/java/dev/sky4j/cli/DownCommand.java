package dev.sky4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sky down CLUSTER...}. */
@Command(name = "down", description = "Tear clusters down: nodes and their disks are deleted.")
public final class DownCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "CLUSTER",
      description = "Cluster names; -a for all.") List<String> clusters;

  @Option(names = {"-a", "--all"}, description = "Every cluster.") boolean all;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.") boolean yes;

  @Option(names = "--async", description = "Return at once; follow with sky api logs.") boolean async;

  @Option(names = {"-p", "--purge"}, description = "Forget the cluster even if the cloud errs.")
  boolean purge;

  @Override
  public Integer call() {
    return ClusterVerb.run("down", clusters, all, yes, null, false, false, async);
  }
}
