package dev.sky4j.cli;

import picocli.CommandLine.Option;

/**
 * The flags of a real {@code sky launch} beyond the task flags ({@link dev.sky4j.cli.remote.TaskOptions}): cluster
 * name, autostop, detach, retry, setup, async.
 */
final class LaunchFlags {
  @Option(names = {"-c", "--cluster"}, paramLabel = "NAME", description = "Cluster name (reused if it exists).")
  String cluster;

  @Option(names = {"-d", "--detach-run"}, description = "Do not stream the job's output.")
  boolean detachRun;

  @Option(names = {"-i", "--idle-minutes-to-autostop"}, paramLabel = "MIN",
      description = "Stop (or with --down tear down) after MIN idle minutes.")
  Integer idleMinutes;

  @Option(names = "--down", description = "Tear down when the job finishes (or when idle with -i).")
  boolean down;

  @Option(names = "--wait-for", paramLabel = "WHAT",
      description = "With -i, what keeps the cluster up: jobs_and_ssh (default), jobs or none.")
  String waitFor;

  @Option(names = {"-r", "--retry-until-up"}, description = "Keep retrying until capacity is found.")
  boolean retryUntilUp;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
  boolean yes;

  @Option(names = "--no-setup", description = "Skip the task's setup.")
  boolean noSetup;

  @Option(names = "--async", description = "Return once submitted; follow with sky api logs.")
  boolean async;

  LaunchRunner.Flags flags() {
    return new LaunchRunner.Flags(cluster, idleMinutes, down, retryUntilUp, noSetup, detachRun, async,
        waitFor);
  }
}
