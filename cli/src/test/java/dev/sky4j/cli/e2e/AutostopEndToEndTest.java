package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sky4j.testing.Prerequisites.require;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autostop, lifecycle hooks and preemption through the real CLI process, a real API server
 * process and local-cloud nodes. The server's minute is compressed to 2 s with the test knob
 * SKY4J_AUTOSTOP_SECONDS_PER_MINUTE, so {@code -i 1} fires two seconds after the cluster idles.
 */
class AutostopEndToEndTest {
  private static final String TASK = """
      resources:
        cpus: 1+
      config:
        hooks:
          - run: echo stop-hook-ran; sleep 4
            events: [stop]
            timeout: 10
          - run: echo down-hook-ran
            events: [down]
            timeout: 10
      run: echo hello-from-the-node
      """;

  @TempDir Path tmp;

  private CliProcess fixture() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    Files.writeString(tmp.resolve("task.yaml"), TASK);
    CliProcess sky = new CliProcess(tmp);
    sky.extraEnv.put("SKY4J_AUTOSTOP_SECONDS_PER_MINUTE", "2");
    return sky;
  }

  /** Polls {@code sky status -r} until its output satisfies {@code ok}; returns that output. */
  private static String statusUntil(CliProcess sky, Path cwd, long millis, Predicate<String> ok,
      String what) throws Exception {
    return sky.skyUntil(cwd, millis, ok, what, "status", "-r");
  }

  @Test
  void cancelUserStopHooksThenAutostopRefusesLateJobs() throws Exception {
    try (CliProcess sky = fixture()) {
      var usage = sky.sky(tmp, "autostop");
      assertThat(usage.code()).isEqualTo(2);
      assertThat(usage.err()).contains("name the clusters");
      var both = sky.sky(tmp, "autostop", "dev", "--cancel", "-i", "3");
      assertThat(both.code()).isEqualTo(2);
      assertThat(both.err()).contains("--cancel turns autostop off");
      var noCluster = sky.sky(tmp, "local", "preempt");
      assertThat(noCluster.code()).isEqualTo(2);
      assertThat(noCluster.err()).contains("CLUSTER");

      var launch = sky.sky(tmp, "launch", "-c", "dev", "task.yaml");
      assertThat(launch.code()).as(launch.all()).isZero();

      assertThat(sky.sky(tmp, "autostop", "dev", "-i", "2", "-y").code()).isZero();
      var cancel = sky.sky(tmp, "autostop", "dev", "--cancel", "-y");
      assertThat(cancel.code()).as(cancel.all()).isZero();
      Thread.sleep(5000); // past the two compressed idle minutes
      assertThat(sky.sky(tmp, "status", "-r").out()).as("cancelled: still up, AUTOSTOP -")
          .containsPattern("dev .*UP +- ");

      var none = sky.sky(tmp, "logs", "dev", "--hook", "stop");
      assertThat(none.code()).as(none.all()).isEqualTo(1);
      assertThat(none.err()).contains("no saved stop hook output for dev")
          .contains("sky stop dev");

      // a user's sky stop runs the stop hooks first and keeps their output on this machine
      var stop = sky.sky(tmp, "stop", "dev", "-y");
      assertThat(stop.code()).as(stop.all()).isZero();
      assertThat(stop.out()).contains("Ran 1 stop hook(s) on dev: [exit 0]");
      assertThat(sky.home.resolve("logs/hooks/dev/stop.log")).content().contains("stop-hook-ran");
      var saved = sky.sky(tmp, "logs", "dev", "--hook", "stop");
      assertThat(saved.code()).as(saved.all()).isZero();
      assertThat(saved.out()).contains("stop hooks of dev: [exit 0]").contains("stop-hook-ran");
      assertThat(sky.sky(tmp, "start", "dev").code()).isZero();

      var set = sky.sky(tmp, "autostop", "dev", "-i", "1", "-y");
      assertThat(set.code()).as(set.all()).isZero();
      String stopping = statusUntil(sky, tmp, 20_000, s -> s.contains("AUTOSTOPPING"), "AUTOSTOPPING");
      assertThat(stopping).containsPattern("dev .*AUTOSTOPPING +1m");

      // the 4 s stop hook holds the cluster in AUTOSTOPPING: a job now would die with the node
      var late = sky.sky(tmp, "exec", "dev", "--", "echo", "too-late");
      assertThat(late.code()).isNotZero();
      assertThat(late.all()).contains("cluster dev is stopping (autostop); run `sky start dev` after "
          + "it stops, or `sky autostop dev --cancel` sooner").doesNotContain("too-late\n");

      statusUntil(sky, tmp, 20_000, s -> s.contains("STOPPED"), "STOPPED");
      assertThat(sky.home.resolve("local/dev/node-0/sky_logs/hooks/stop.log")).as("autostop ran the stop hook")
          .content().contains("stop-hook-ran");
    }
  }

  @Test
  void launchWithDownGoesAwayAndAPreemptedWorkerShowsAsLost() throws Exception {
    try (CliProcess sky = fixture()) {
      var launch = sky.sky(tmp, "launch", "-c", "tmp", "-i", "1", "--down", "task.yaml");
      assertThat(launch.code()).as(launch.all()).isZero();
      assertThat(launch.out()).contains("hello-from-the-node");

      var spot = sky.sky(tmp, "launch", "-c", "sp", "--use-spot", "--num-nodes", "2", "task.yaml");
      assertThat(spot.code()).as(spot.all()).isZero();
      var preempt = sky.sky(tmp, "local", "preempt", "sp", "--node", "1");
      assertThat(preempt.code()).as(preempt.all()).isZero();
      String lost = sky.sky(tmp, "status", "-r").out();
      assertThat(lost).containsPattern("sp .*INIT").contains("node-1 lost (preempted or terminated)");

      statusUntil(sky, tmp, 20_000, s -> !s.contains("tmp "), "tmp gone after its idle minute (--down)");
      assertThat(sky.providerClusters()).as("autodown deleted the nodes").doesNotContain("tmp");

      // a user's sky down runs the down hooks (only) on the head that is left, and keeps their
      // output after the disks are gone
      var down = sky.sky(tmp, "down", "sp", "-y");
      assertThat(down.code()).as(down.all()).isZero();
      assertThat(sky.home.resolve("logs/hooks/sp/down.log")).content().contains("down-hook-ran");
      assertThat(sky.home.resolve("logs/hooks/sp/stop.log")).doesNotExist();
      // the saved output outlives the cluster: sky logs reads it by name
      var savedDown = sky.sky(tmp, "logs", "sp", "--hook", "down");
      assertThat(savedDown.code()).as(savedDown.all()).isZero();
      assertThat(savedDown.out()).contains("down-hook-ran");
      var noStop = sky.sky(tmp, "logs", "sp", "--hook", "stop");
      assertThat(noStop.code()).isEqualTo(1);
      assertThat(noStop.err()).contains("no saved stop hook output for sp");
      var badEvent = sky.sky(tmp, "logs", "sp", "--hook", "reboot");
      assertThat(badEvent.code()).isEqualTo(1);
      assertThat(badEvent.err()).contains("'reboot' is not a hook event: use stop, down, preemption");
    }
  }
}
