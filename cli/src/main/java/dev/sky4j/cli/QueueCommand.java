package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.JobRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sky queue CLUSTER}: the cluster's job queue. */
@Command(name = "queue", description = "Show a cluster's jobs.")
public final class QueueCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "CLUSTER",
      description = "Cluster names.") List<String> clusters;

  @Option(names = {"-s", "--skip-finished"}, description = "Only pending and running jobs.")
  boolean skipFinished;

  @Mixin ListingOutput output;

  @Override
  public Integer call() {
    return Remote.run(Version.current(), c -> {
      for (String cluster : clusters) {
        List<JobRecord> jobs = c.get("/clusters/" + cluster + "/queue?skipFinished=" + skipFinished,
            StatusCommand.listOf(JobRecord.class));
        if (output.printedJson(jobs)) {
          continue;
        }
        System.out.println("Job queue of cluster " + cluster);
        Table t = new Table("ID", "NAME", "USER", "SUBMITTED", "STARTED", "DURATION", "RESOURCES", "STATUS",
            "EXIT");
        for (JobRecord j : jobs) {
          t.row(j.id(), j.name() == null ? "-" : j.name(), j.user(), Times.ago(j.submittedAt()),
              j.startedAt() == null ? "-" : Times.ago(j.startedAt()),
              Times.duration(j.startedAt(), j.endedAt()), j.resources(), j.status(),
              j.exitCode() == null ? "-" : j.exitCode());
        }
        System.out.print(t.render());
      }
      return 0;
    });
  }
}
