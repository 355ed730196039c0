package dev.sky4j.agent;

import dev.sky4j.agent.autostop.Teardown;
import dev.sky4j.agent.jobs.RankRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Spot chaos for the local cloud: a spot node reclaims itself after an exponentially distributed
 * delay (mean {@code chaosMeanSeconds}), the way a cloud takes a spot VM back — a short notice, no clean stop,
 * job trees die with it, and the {@code preempted} marker tells the provider what happened.
 */
final class Chaos {
  private Chaos() {}

  /**
   * Like a cloud, it first gives notice: the node's {@code preemption} hooks run (unless a stop
   * or down already claimed the teardown), cut off at the notice window, then the node dies.
   */
  static void schedule(double meanSeconds, Path agentDir, RankRegistry ranks, Teardown teardown,
      long noticeMillis) {
    double delay = -Math.log(1 - ThreadLocalRandom.current().nextDouble()) * meanSeconds;
    Thread t = new Thread(() -> {
      try {
        Thread.sleep((long) (delay * 1000));
        teardown.claimAndRun("preemption", System.currentTimeMillis() + noticeMillis);
        Files.writeString(agentDir.resolve(NodeMain.PREEMPTED_FILE), "chaos\n");
        ranks.killAll();
      } catch (Exception ignored) {
        // halting regardless
      }
      Runtime.getRuntime().halt(137);
    }, "spot-chaos");
    t.setDaemon(true);
    t.start();
  }
}
