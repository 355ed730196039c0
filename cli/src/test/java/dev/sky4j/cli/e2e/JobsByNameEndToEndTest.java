package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sky jobs logs [JOB_ID] [-n NAME]} and {@code sky jobs cancel -n NAME} as in SkyPilot:
 * a real CLI process, a real API server and local-cloud nodes.
 */
class JobsByNameEndToEndTest {
  @TempDir Path tmp;

  @Test
  void logsByNameOrTheNewestJobAndCancelByName() throws Exception {
    assertTrue(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    Files.writeString(tmp.resolve("hello.yaml"), "resources:\n  infra: local\nrun: echo hello-from-one\n");
    Files.writeString(tmp.resolve("bye.yaml"), "resources:\n  infra: local\nrun: echo bye-from-two\n");
    Files.writeString(tmp.resolve("sleeper.yaml"), "resources:\n  infra: local\nrun: sleep 600\n");
    try (CliProcess sky = new CliProcess(tmp)) {
      sky.extraEnv.put("SKY4J_JOBS_POLL_MS", "300");
      var none = sky.sky(tmp, "jobs", "logs");
      assertThat(none.code()).isEqualTo(1);
      assertThat(none.err()).contains("No managed job yet");

      assertThat(sky.sky(tmp, "jobs", "launch", "-n", "hello", "hello.yaml", "-d").code()).isZero();
      assertThat(sky.sky(tmp, "jobs", "launch", "-n", "bye", "bye.yaml", "-d").code()).isZero();
      // following ends with the job: exit 0 once it SUCCEEDED
      var hello = sky.sky(tmp, "jobs", "logs", "-n", "hello");
      assertThat(hello.code()).as(hello.all()).isZero();
      assertThat(hello.out()).contains("hello-from-one").doesNotContain("bye-from-two");
      assertThat(hello.err()).contains("Managed job 1 (hello, ");
      var newest = sky.sky(tmp, "jobs", "logs");
      assertThat(newest.code()).as(newest.all()).isZero();
      assertThat(newest.out()).contains("bye-from-two").doesNotContain("hello-from-one");
      var unknown = sky.sky(tmp, "jobs", "logs", "-n", "nosuch");
      assertThat(unknown.code()).isEqualTo(1);
      assertThat(unknown.err()).contains("No managed job named 'nosuch'");
      assertThat(sky.sky(tmp, "jobs", "logs", "1", "-n", "hello").code()).isEqualTo(2);

      assertThat(sky.sky(tmp, "jobs", "launch", "-n", "sleeper", "sleeper.yaml", "-d").code()).isZero();
      var cancel = sky.sky(tmp, "jobs", "cancel", "-n", "sleeper", "-y");
      assertThat(cancel.code()).as(cancel.all()).isZero();
      assertThat(cancel.out()).contains("Cancelling managed job(s) [3]");
      sky.skyUntil(tmp, 60_000, q -> q.lines().anyMatch(l -> l.matches("3 +sleeper .*CANCELLED.*")),
          "job 3 CANCELLED", "jobs", "queue");
    }
  }
}
