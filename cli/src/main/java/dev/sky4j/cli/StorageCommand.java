package dev.sky4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sky storage ...}: the buckets sky4j created or mounts (SkyPilot's verbs). */
@Command(name = "storage", description = "Buckets sky4j created or mounts: list and delete.",
    subcommands = {StorageLsCommand.class, StorageDeleteCommand.class})
public final class StorageCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
