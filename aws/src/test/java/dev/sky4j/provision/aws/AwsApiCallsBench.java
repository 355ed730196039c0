package dev.sky4j.provision.aws;

import dev.sky4j.provision.ProvisionRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * bench/aws-api-calls.sh: the EC2/STS API calls of a 1-node and a 4-node launch through the EC2
 * provider against a real moto (counted by an SDK ExecutionInterceptor), first launch in a fresh
 * account (the security group and the image lookup included) and a second one (both cached or
 * existing), then down. Prints a markdown table; SkyPilot's counts are in docs/benchmarks.md.
 */
public final class AwsApiCallsBench {
  private AwsApiCallsBench() {}

  public static void main(String[] args) throws Exception {
    Path root = Files.createTempDirectory("aws-api-calls");
    try (MotoServer moto = MotoServer.start();
        MotoAccount aws = new MotoAccount(moto, root, AwsConfig.defaults())) {
      System.out.println("| launch | calls (by operation) | total | time over moto |");
      System.out.println("|---|---|---|---|");
      for (int nodes : List.of(1, 4)) {
        for (String which : List.of("first", "second")) {
          String cluster = "bench" + nodes + which;
          aws.calls.clear();
          long t0 = System.nanoTime();
          aws.provider.runInstances(new ProvisionRequest(cluster, "us-east-1", null, "m5.large",
              nodes, false, null, 0, Map.of()));
          long ms = (System.nanoTime() - t0) / 1_000_000;
          row(nodes + "-node launch (" + which + " in this server)", aws.calls, ms);
        }
        aws.calls.clear();
        long t0 = System.nanoTime();
        aws.provider.terminateInstances("bench" + nodes + "second", false);
        aws.provider.terminateInstances("bench" + nodes + "first", false);
        row(nodes + "-node: down of both clusters", aws.calls, (System.nanoTime() - t0) / 1_000_000);
      }
    } finally {
      try (var s = Files.walk(root)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void row(String what, CallCounter calls, long ms) {
    Map<String, Integer> by = new TreeMap<>();
    calls.calls().forEach(c -> by.merge(c.operation(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder();
    by.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    System.out.println("| " + what + " | " + sb + " | " + calls.calls().size() + " | " + ms + " ms |");
  }
}
