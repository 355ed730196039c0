package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sky4j.testing.Prerequisites.require;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ten CLI processes launch ten clusters against one server at the same time; all succeed. */
class ConcurrentLaunchEndToEndTest {
  private static final int N = 10;

  @TempDir Path tmp;

  @Test
  void tenLaunchesAtOnceAllSucceed() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    try (CliProcess sky = new CliProcess(tmp)) {
      sky.localCloud("region-a.zone-1.nodes=" + N + "\n");
      assertThat(sky.sky(tmp, "api", "start").code()).isZero();
      long t0 = System.nanoTime();
      List<CliProcess.Running> launches = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        launches.add(sky.start(tmp, "launch", "-c", "c" + i, "--cpus", "1+", "--", "echo", "hello-" + i));
      }
      for (int i = 0; i < N; i++) {
        var r = launches.get(i).await(Duration.ofSeconds(240));
        assertThat(r.code()).as("launch c" + i + ": " + r.all()).isZero();
        assertThat(r.out()).contains("hello-" + i);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("[figure] " + N + " concurrent 1-node launches: " + ms + " ms on "
          + Runtime.getRuntime().availableProcessors() + " cores");
      var status = sky.sky(tmp, "status", "-o", "json");
      for (int i = 0; i < N; i++) {
        assertThat(status.out()).contains("\"name\":\"c" + i + "\"");
      }
      assertThat(status.out().split("\"status\":\"UP\"", -1)).hasSize(N + 1);
      assertThat(sky.providerClusters()).hasSize(N);
    }
  }
}
