package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.CheckEntry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sky check}: which clouds are usable and, if not, why. */
@Command(name = "check", description = "Show which clouds are usable and why not.")
public final class CheckCommand implements Callable<Integer> {
  @Mixin ListingOutput output;

  @Override
  public Integer call() {
    return Remote.run(Version.current(), c -> {
      List<CheckEntry> rows = c.get("/check", StatusCommand.listOf(CheckEntry.class));
      if (output.printedJson(rows)) {
        return 0;
      }
      System.out.println("Checking credentials to enable infra for sky4j.");
      for (CheckEntry e : rows) {
        System.out.println("  " + e.cloud() + ": " + (e.enabled() ? "enabled" : "disabled")
            + (e.reason() == null ? "" : "\n    " + e.reason()));
      }
      List<String> on = rows.stream().filter(CheckEntry::enabled).map(CheckEntry::cloud).toList();
      System.out.println(on.isEmpty() ? "No cloud is enabled: see the reasons above."
          : "Enabled infra: " + String.join(", ", on));
      return on.isEmpty() ? 1 : 0;
    });
  }
}
