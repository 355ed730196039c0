package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.ManagedJobRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sky jobs queue}: every managed job, its recoveries and where each attempt ran. */
@Command(name = "queue", description = "Show managed jobs.")
public final class JobsQueueCommand implements Callable<Integer> {
  @Option(names = {"-s", "--skip-finished"}, description = "Only jobs that have not ended.")
  boolean skipFinished;

  @Mixin ListingOutput output;

  @Override
  public Integer call() {
    if (!output.known()) {
      System.err.println("error: unknown output format '" + output.output + "'. Use -o table or -o json.");
      return 2;
    }
    return Remote.run(Version.current(), c -> {
      List<ManagedJobRecord> jobs = c.managedJobs().stream()
          .filter(j -> !skipFinished || j.endedAt() == null).toList();
      if (output.printedJson(jobs)) {
        return 0;
      }
      Table t = new Table("ID", "NAME", "RESOURCES", "SUBMITTED", "DURATION", "RECOVERIES",
          "STATUS", "ATTEMPTS");
      for (ManagedJobRecord j : jobs) {
        t.row(j.id(), j.name(), j.resources(), Times.ago(j.submittedAt()),
            Times.duration(j.startedAt(), j.endedAt()), j.recoveries() + j.restarts(), j.status(),
            j.attempts().isEmpty() ? "-" : String.join(" > ", j.attempts()));
      }
      System.out.print(t.render());
      return 0;
    });
  }
}
