package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.StorageDelete;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sky storage delete NAME... [-y]}: deletes buckets with every object in them. */
@Command(name = "delete", description = "Delete buckets sky4j knows, with all their objects.")
public final class StorageDeleteCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "NAME", description = "Storage names (sky storage ls).")
  List<String> names;

  @Option(names = {"-a", "--all"}, description = "Every bucket sky4j knows.") boolean all;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.") boolean yes;

  @Override
  public Integer call() {
    if ((names == null || names.isEmpty()) && !all) {
      System.err.println("error: name the storage to delete (see sky storage ls), or pass --all");
      return 2;
    }
    if (!yes && System.console() != null) {
      System.err.print("Deleting storage " + (all ? "ALL" : String.join(", ", names))
          + " and every object in it. Proceed? [y/N]: ");
      try {
        String a = new BufferedReader(new InputStreamReader(System.in)).readLine();
        if (a == null || !a.trim().toLowerCase().startsWith("y")) {
          System.err.println("Aborted.");
          return 1;
        }
      } catch (java.io.IOException e) {
        return 1;
      }
    }
    return Remote.run(Version.current(), c -> {
      String id = c.submit("/storage/delete", new StorageDelete(names, all));
      return Remote.outcome(Remote.follow(c, id, "sky api logs " + id));
    });
  }
}
