package dev.sky4j.cli;

import dev.sky4j.cli.remote.TaskOptions;
import picocli.CommandLine.Option;

/**
 * The flags of a real {@code sky launch} beyond the resource flags {@link LaunchCommand} already
 * declares for --dryrun: cluster name, autostop, detach, envs/secrets, workdir, disk.
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

  @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Task name.")
  String name;

  @Option(names = "--workdir", paramLabel = "DIR", description = "Folder synced to ~/sky_workdir.")
  String workdir;

  @Option(names = "--disk-size", paramLabel = "GB", description = "OS disk size in GB.")
  Integer diskSize;

  @Option(names = "--env", paramLabel = "KEY[=VAL]", description = "Environment variable (repeatable).")
  java.util.List<String> envs;

  @Option(names = "--secret", paramLabel = "KEY[=VAL]", description = "Secret variable (repeatable): never logged or stored.")
  java.util.List<String> secrets;

  LaunchRunner.Flags flags() {
    return new LaunchRunner.Flags(cluster, idleMinutes, down, retryUntilUp, noSetup, detachRun, async,
        waitFor);
  }

  TaskOptions task(String gpus, Boolean useSpot, Integer numNodes, String infra, String cpus,
      String memory, String instanceType) {
    return TaskOptions.of(name, workdir, numNodes, gpus, cpus, memory, diskSize, infra, useSpot,
        instanceType, envs, secrets);
  }
}
