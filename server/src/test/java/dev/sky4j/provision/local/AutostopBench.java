package dev.sky4j.provision.local;

import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.provision.NodeState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Autostop figures for docs/benchmarks.md ("Autostop"), run by bench/autostop.sh on real
 * local-cloud nodes (2 nodes, no hooks): (1) from the idle deadline (the moment the head's timer
 * should fire, {@code setAtMillis + idleSeconds}, with {@code wait_for: none}) to every node
 * reporting STOPPED; (2) the user's stop path the server takes for {@code sky stop} (teardown
 * claim on the head, then the provider's stop) to STOPPED. Not a test: a main that prints a table.
 */
public final class AutostopBench {
  private AutostopBench() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(System.getProperty("runs", "5"));
    List<Long> lag = new ArrayList<>();
    List<Long> stop = new ArrayList<>();
    try (LocalCloudFixture cloud = new LocalCloudFixture("")) {
      for (int i = 0; i < runs; i++) {
        start(cloud);
        @SuppressWarnings("unchecked")
        Map<String, Object> set = (Map<String, Object>) head(cloud).post("/autostop",
            Map.of("idleSeconds", 1, "waitFor", "none"));
        long deadline = ((Number) set.get("setAtMillis")).longValue() + 1000;
        while (!stopped(cloud)) {
          Thread.sleep(5);
        }
        lag.add(System.currentTimeMillis() - deadline);

        start(cloud);
        head(cloud).post("/autostop", Map.of("idleSeconds", -1));
        long t0 = System.nanoTime();
        head(cloud).post("/teardown", Map.of("event", "stop"));
        cloud.provider.stopInstances("bench", false);
        while (!stopped(cloud)) {
          Thread.sleep(5);
        }
        stop.add((System.nanoTime() - t0) / 1_000_000);
      }
    }
    System.out.println("| figure (2 nodes, " + runs + " runs) | median | max |");
    System.out.println("|---|---|---|");
    System.out.println("| idle deadline -> STOPPED (autostop on the head) | " + median(lag) + " ms | "
        + Collections.max(lag) + " ms |");
    System.out.println("| sky stop path (teardown claim + provider stop) -> STOPPED | " + median(stop)
        + " ms | " + Collections.max(stop) + " ms |");
  }

  private static void start(LocalCloudFixture cloud) throws Exception {
    cloud.launch("bench", 2, false);
  }

  private static HttpJsonClient head(LocalCloudFixture cloud) throws Exception {
    return LocalCloudFixture.agentOf(cloud.paths.localCloudDir().resolve("bench").resolve("node-0"));
  }

  private static boolean stopped(LocalCloudFixture cloud) {
    Map<String, NodeState> s = cloud.provider.queryInstances("bench");
    return !s.isEmpty() && s.values().stream().allMatch(x -> x == NodeState.STOPPED);
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
