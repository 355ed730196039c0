package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.AutostopRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sky autostop CLUSTER... [-i MIN] [--down] [--wait-for W] | --cancel}. The head node keeps
 * the timer, so the cluster stops even while this machine and the API server are off.
 */
@Command(name = "autostop", mixinStandardHelpOptions = true, description = {
    "Stop (or with --down tear down) clusters after they have been idle.",
    "Idle: no job running and, with --wait-for jobs_and_ssh (the default), no SSH connection "
        + "of any kind (terminal, VS Code, port forward, SFTP) on any node."})
public final class AutostopCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "CLUSTER",
      description = "Cluster names; -a for all.") List<String> clusters;

  @Option(names = {"-a", "--all"}, description = "Every cluster.") boolean all;

  @Option(names = {"-i", "--idle-minutes"}, paramLabel = "MIN",
      description = "Idle minutes before stopping (default 5).")
  Integer idle;

  @Option(names = "--cancel", description = "Turn autostop off.") boolean cancel;

  @Option(names = "--down", description = "Tear down (delete the nodes and disks) instead of stopping.")
  boolean down;

  @Option(names = "--wait-for", paramLabel = "WHAT",
      description = "What keeps the cluster up: jobs_and_ssh (default), jobs, or none (a hard deadline).")
  String waitFor;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.") boolean yes;

  @Option(names = "--async", description = "Return at once; follow with sky api logs.") boolean async;

  @Override
  public Integer call() {
    if ((clusters == null || clusters.isEmpty()) && !all) {
      System.err.println("error: name the clusters (or pass --all), e.g. sky autostop dev -i 30");
      return 2;
    }
    if (cancel && (idle != null || down || waitFor != null)) {
      System.err.println("error: --cancel turns autostop off; it takes no -i, --down or --wait-for");
      return 2;
    }
    if (idle != null && idle < 0) {
      System.err.println("error: -i must be 0 or more minutes; use --cancel to turn autostop off");
      return 2;
    }
    return Remote.run(Version.current(), c -> {
      String id = c.autostop(new AutostopRequest(clusters, all, idle, down, waitFor, cancel));
      if (async) {
        System.out.println("Request " + id + " submitted; sky api logs " + id);
        return 0;
      }
      return Remote.outcome(Remote.follow(c, id, "sky api logs " + id));
    });
  }
}
