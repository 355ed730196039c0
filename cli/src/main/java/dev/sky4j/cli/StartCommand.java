package dev.sky4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sky start CLUSTER...}. */
@Command(name = "start", description = "Restart stopped clusters where they were.")
public final class StartCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "CLUSTER",
      description = "Cluster names; -a for all.") List<String> clusters;

  @Option(names = {"-a", "--all"}, description = "Every cluster.") boolean all;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.") boolean yes;

  @Option(names = "--async", description = "Return at once; follow with sky api logs.") boolean async;

  @Option(names = {"-i", "--idle-minutes-to-autostop"}, paramLabel = "MIN", description = "Autostop after MIN idle minutes.")
  Integer idle;

  @Option(names = "--down", description = "With -i: tear down instead of stopping when idle.")
  boolean down;

  @Option(names = {"-r", "--retry-until-up"}, description = "Keep retrying when capacity is short.")
  boolean retry;

  @Override
  public Integer call() {
    return ClusterVerb.run("start", clusters, all, true, idle, down, retry, async);
  }
}
