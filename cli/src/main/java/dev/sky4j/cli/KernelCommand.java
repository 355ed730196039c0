package dev.sky4j.cli;

import picocli.CommandLine.Command;

/** {@code sky kernel install|uninstall}: the Jupyter kernel's kernelspec. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
    description = "Install or remove the Jupyter kernel \"sky4j (Python on a cluster)\".",
    subcommands = {KernelInstallCommand.class, KernelUninstallCommand.class})
public final class KernelCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
