package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.LocalPreemptRequest;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sky local ...}: admin tools for the embedded local cloud. They go through the API server,
 * which owns the local cloud's files, so they act on the same {@code $SKY4J_HOME} as everything else.
 */
@Command(name = "local", mixinStandardHelpOptions = true, description = "Admin tools for the local cloud.",
    subcommands = {LocalCommand.Preempt.class})
public final class LocalCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code sky local preempt CLUSTER [--node N]}. */
  @Command(name = "preempt", mixinStandardHelpOptions = true, description = {
      "Reclaim a spot node as a cloud would: its process and jobs are killed at once (no hooks, "
          + "no clean stop) and it shows as terminated. For testing managed-job recovery."})
  public static final class Preempt implements Callable<Integer> {
    @Parameters(paramLabel = "CLUSTER", description = "The cluster.") String cluster;

    @Option(names = "--node", paramLabel = "N", description = "Node rank (0 = head, the default).")
    Integer node;

    @Override
    public Integer call() {
      return Remote.run(Version.current(), c -> {
        c.post("/local/preempt", new LocalPreemptRequest(cluster, node), Map.class);
        System.out.println("Preempted node " + (node == null ? 0 : node) + " of " + cluster
            + "; sky status -r " + cluster + " shows it");
        return 0;
      });
    }
  }
}
