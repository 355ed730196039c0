package dev.sky4j.provision.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The local cloud's settings, from {@code $SKY4J_HOME/local-cloud.properties} (all keys optional):
 * <pre>
 * region-a.zone-1.nodes=4        # capacity of each zone: nodes ...
 * region-a.zone-1.gpus=4         # ... and GPUs
 * simulated-gpus=H100:4          # offered when the host has no NVIDIA GPU (labelled simulated)
 * chaos.mean-seconds=0           # &gt; 0: spot nodes preempt themselves, mean seconds apart
 * preemption.notice-seconds=2    # notice before a preemption (read by PreemptionNotice)
 * node.cpus=8                    # vCPUs and memory each node advertises
 * node.memory-gib=32
 * node.boot-seconds=0            # &gt; 0: nodes answer SSH no sooner than this after a launch
 * </pre>
 * {@code node.boot-seconds} plays a real VM's boot time (a minute on most clouds), for tests of
 * what happens while a launch is still provisioning.
 * The advertised node shape is nominal (nodes share this machine's CPUs); its default meets
 * SkyPilot's default node rule (8+ vCPUs, 4 GiB per vCPU) so a task that asks for nothing lands
 * on the local cloud as it would on a real one.
 * Zones are fixed: {@code region-a/zone-1}, {@code region-a/zone-2}, {@code region-b/zone-1},
 * {@code region-b/zone-2}.
 */
public record LocalCloudConfig(
    List<Zone> zones, String simulatedGpus, double chaosMeanSeconds, double nodeCpus,
    double nodeMemoryGib, double nodeBootSeconds) {

  /** One zone and its capacity. */
  public record Zone(String region, String zone, int nodes, int gpus) {
    public String id() {
      return "local/" + region + "/" + zone;
    }
  }

  private static final String[][] ZONES = {
    {"region-a", "zone-1", "4", "4"},
    {"region-a", "zone-2", "4", "4"},
    {"region-b", "zone-1", "8", "8"},
    {"region-b", "zone-2", "8", "8"},
  };

  public static LocalCloudConfig load(Path file) throws IOException {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file)) {
        p.load(r);
      }
    }
    try {
      List<Zone> zones = new ArrayList<>();
      for (String[] z : ZONES) {
        String key = z[0] + "." + z[1];
        zones.add(new Zone(z[0], z[1],
            Integer.parseInt(p.getProperty(key + ".nodes", z[2]).trim()),
            Integer.parseInt(p.getProperty(key + ".gpus", z[3]).trim())));
      }
      return new LocalCloudConfig(List.copyOf(zones),
          p.getProperty("simulated-gpus", "H100:4").trim(),
          Double.parseDouble(p.getProperty("chaos.mean-seconds", "0").trim()),
          Double.parseDouble(p.getProperty("node.cpus", "8").trim()),
          Double.parseDouble(p.getProperty("node.memory-gib", "32").trim()),
          Double.parseDouble(p.getProperty("node.boot-seconds", "0").trim()));
    } catch (NumberFormatException e) {
      throw new IOException(file + ": " + e.getMessage() + " is not a number; fix the value or "
          + "delete the line to use the default", e);
    }
  }

  public List<Zone> zonesOf(String region) {
    return zones.stream().filter(z -> z.region().equals(region)).toList();
  }
}
