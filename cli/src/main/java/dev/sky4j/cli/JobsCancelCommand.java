package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.ManagedJobCancel;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sky jobs cancel ID... | -n NAME | -a}: stops jobs and tears their clusters down. */
@Command(name = "cancel", description = "Cancel managed jobs (their clusters are torn down).")
public final class JobsCancelCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "JOB_ID",
      description = "Managed job ids (sky jobs queue lists them).") List<Long> ids;

  @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Cancel jobs with this name.")
  String name;

  @Option(names = {"-a", "--all"}, description = "Cancel every unfinished job.")
  boolean all;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
  boolean yes;

  @Override
  public Integer call() {
    if ((ids == null || ids.isEmpty()) && name == null && !all) {
      System.err.println("error: say which jobs: sky jobs cancel ID, -n NAME or --all");
      return 2;
    }
    return Remote.run(Version.current(), c -> {
      List<Long> done = c.cancelManagedJobs(new ManagedJobCancel(ids, name, all));
      System.out.println(done.isEmpty() ? "No running managed job matched; nothing to cancel."
          : "Cancelling managed job(s) " + done + " (sky jobs queue shows CANCELLING, then CANCELLED).");
      return 0;
    });
  }
}
