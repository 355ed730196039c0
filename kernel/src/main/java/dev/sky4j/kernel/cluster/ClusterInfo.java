package dev.sky4j.kernel.cluster;

import dev.sky4j.client.dto.ClusterRecord;
import java.util.Locale;

/** What the kernel shows about a cluster after attach, and how it explains a lost one. */
public record ClusterInfo(ClusterRecord record) {
  public String name() {
    return record.name();
  }

  public boolean up() {
    return "UP".equals(record.status()) || "AUTOSTOPPING".equals(record.status());
  }

  public String summary() {
    String gpus = record.accelerators() == null || record.accelerators().isBlank() ? "no GPUs"
        : record.accelerators();
    return String.format(Locale.ROOT, "%s: %s, %s, $%.3f/h", record.name(), record.resources(),
        gpus, record.pricePerHour());
  }

  /** The way back from a cluster that is not UP. */
  public static String wayBack(String cluster, String status) {
    if (status == null) {
      return "There is no cluster named " + cluster + " any more (terminated or preempted). "
          + "Relaunch it with %sky launch -c " + cluster + " TASK.yaml (or a %%sky launch cell); "
          + "%sky detach runs cells locally.";
    }
    return "Cluster " + cluster + " is " + status + ": the Python state on it is gone. "
        + "%sky start " + cluster + " brings it back (the next cell attaches a fresh Python), "
        + "or relaunch with %sky launch -c " + cluster + " TASK.yaml; %sky detach runs cells locally.";
  }
}
