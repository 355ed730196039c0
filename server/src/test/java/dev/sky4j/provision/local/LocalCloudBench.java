package dev.sky4j.provision.local;

import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.ssh.CommandRunner;
import dev.sky4j.ssh.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Timed benchmark for the local cloud (run by bench/local-cloud.sh, not by the test suite):
 * warm SSH round trip vs. a local fork of /bin/true, provision-to-SSH-ready vs. a bare JVM start,
 * and a node's idle RSS vs. an idle bare JVM with the same flags. Prints a markdown table.
 */
public final class LocalCloudBench {
  public static void main(String[] args) throws Exception {
    try (LocalCloudFixture cloud = new LocalCloudFixture("")) {
      // provisioning to SSH ready, 3 times, median
      List<Double> provision = new ArrayList<>();
      ClusterInfo info = null;
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        info = cloud.launch("b" + i, "region-b", "zone-1", 1, false);
        try (CommandRunner r = runner(info)) {
          r.run("true");
        }
        provision.add((System.nanoTime() - t0) / 1e6);
        if (i < 2) {
          cloud.provider.terminateInstances("b" + i, false);
        }
      }
      List<Double> jvm = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        cmd.addAll(NodeProcess.JVM_FLAGS);
        cmd.add("-version");
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start().waitFor();
        jvm.add((System.nanoTime() - t0) / 1e6);
      }
      // warm SSH round trip
      List<Double> ssh = new ArrayList<>();
      List<Double> fork = new ArrayList<>();
      try (CommandRunner r = runner(info)) {
        for (int i = 0; i < 220; i++) {
          long t0 = System.nanoTime();
          r.run("true");
          if (i >= 20) {
            ssh.add((System.nanoTime() - t0) / 1e6);
          }
        }
      }
      for (int i = 0; i < 220; i++) {
        long t0 = System.nanoTime();
        new ProcessBuilder("/bin/sh", "-c", "true").start().waitFor();
        if (i >= 20) {
          fork.add((System.nanoTime() - t0) / 1e6);
        }
      }
      // idle RSS of the node, and of a bare JVM with the same flags
      Thread.sleep(3000);
      Path home = cloud.paths.localCloudDir().resolve("b2/node-0");
      long nodePid = NodeProcess.find(home).orElseThrow().pid();
      double nodeRss = rssMib(nodePid);
      List<String> cmd = new ArrayList<>(List.of(javaBin()));
      cmd.addAll(NodeProcess.JVM_FLAGS);
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), IdleJvm.class.getName()));
      Process bare = new ProcessBuilder(cmd).start();
      Thread.sleep(3000);
      double bareRss = rssMib(bare.pid());
      bare.destroyForcibly();

      System.out.println("| figure | sky4j | baseline (same run) | ratio | target |");
      System.out.println("|---|---|---|---|---|");
      row("SSH command round trip, warm connection (median of 200)", median(ssh), "ms",
          "fork+exec `/bin/sh -c true` locally", median(fork), "< 20 ms");
      row("provision 1-node local cluster to SSH ready (median of 3)", median(provision), "ms",
          "bare JVM start (`java -version`, same flags)", median(jvm), "< 3000 ms");
      row("node process idle RSS (sshd + agent)", nodeRss, "MiB",
          "idle bare JVM, same flags", bareRss, "< 64 MiB");
    }
  }

  private static void row(String what, double v, String unit, String base, double b, String target) {
    System.out.printf("| %s | %.1f %s | %s: %.1f %s | %.2fx | %s |%n", what, v, unit, base, b, unit,
        v / b, target);
  }

  private static CommandRunner runner(ClusterInfo info) {
    return new CommandRunner(new SshTarget(info.head().sshHost(), info.head().sshPort(),
        info.sshUser(), info.privateKey()));
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static double rssMib(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  /** The RSS baseline: a JVM that only sleeps. */
  public static final class IdleJvm {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(60_000);
    }
  }
}
