package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.Sizes;
import dev.sky4j.client.dto.StorageEntry;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sky storage ls}: name, store, region, size and the clusters using each bucket. */
@Command(name = "ls", description = "List the buckets sky4j created or mounts.")
public final class StorageLsCommand implements Callable<Integer> {
  @Mixin ListingOutput output;

  @Override
  public Integer call() {
    return Remote.run(Version.current(), c -> {
      List<StorageEntry> rows = c.get("/storage", StatusCommand.listOf(StorageEntry.class));
      if (output.printedJson(rows)) {
        return 0;
      }
      if (rows.isEmpty()) {
        System.out.println("No storage (buckets appear here once a task mounts one).");
        return 0;
      }
      Table t = new Table("NAME", "STORE", "REGION", "SIZE", "PERSISTENT", "CREATED_BY", "CLUSTERS",
          "SINCE");
      for (StorageEntry e : rows) {
        t.row(e.name(), e.store().toUpperCase(Locale.ROOT), e.region() == null ? "-" : e.region(),
            e.sizeBytes() == null ? "-" : Sizes.human(e.sizeBytes()), e.persistent() ? "yes" : "no",
            e.createdBySky4j() ? "sky4j" : "user",
            e.clusters().isEmpty() ? "-" : String.join(",", e.clusters()), Times.ago(e.createdAt()));
      }
      System.out.print(t.render());
      return 0;
    });
  }
}
