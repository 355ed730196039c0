package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sky4j.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower of a silent log gets SSE keep-alive comments, on a real API server: both the
 * request's log (a launch waiting for its quiet job) and the job's own log through the agent.
 * And a launch that follows its job does not hold the cluster: {@code sky down} goes through.
 */
class LogStreamKeepAliveEndToEndTest {
  @TempDir Path tmp;

  @Test
  void idleFollowersGetKeepAlivesAndDownDoesNotWaitForTheFollowedJob() throws Exception {
    assertTrue(CliProcess.serverJarBuilt(), "build the jars first (mvn -B -o package -DskipTests)");
    Files.writeString(tmp.resolve("quiet.yaml"), "run: echo started; sleep 60\n");
    try (CliProcess sky = new CliProcess(tmp)) {
      CliProcess.Running launch = sky.start(tmp, "launch", "-c", "kl", "quiet.yaml");
      assertThat(launch.awaitOutput("started", Duration.ofSeconds(60))).as("the job runs").isTrue();
      String id = launchRequestId(sky);
      CompletableFuture<String> request = CompletableFuture.supplyAsync(
          () -> firstComment(sky, "/api/v1/requests/" + id + "/logs"));
      CompletableFuture<String> job = CompletableFuture.supplyAsync(
          () -> firstComment(sky, "/api/v1/clusters/kl/jobs/1/logs"));
      assertThat(request.get(30, TimeUnit.SECONDS)).isEqualTo(": keep-alive");
      assertThat(job.get(30, TimeUnit.SECONDS)).isEqualTo(": keep-alive");
      // the launch still follows its minute-long job; it holds no lock on the cluster for that
      long t0 = System.nanoTime();
      CliProcess.Result down = sky.start(tmp, "down", "kl", "-y").await(Duration.ofSeconds(30));
      assertThat(down.code()).as(down.all()).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
      launch.await(Duration.ofSeconds(30)); // its job went with the cluster
    }
  }

  @SuppressWarnings("unchecked")
  private static String launchRequestId(CliProcess sky) throws Exception {
    HttpURLConnection c = open(sky, "/api/v1/requests");
    List<Map<String, Object>> all = (List<Map<String, Object>>) Json.parse(
        new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    return all.stream().filter(r -> "launch".equals(r.get("name")) && "RUNNING".equals(r.get("status")))
        .map(r -> (String) r.get("id")).findFirst().orElseThrow();
  }

  /** Follows an SSE stream until its first comment line; returns it. */
  private static String firstComment(CliProcess sky, String path) {
    try {
      HttpURLConnection c = open(sky, path);
      c.setRequestProperty("Accept", "text/event-stream");
      c.setReadTimeout(25_000); // a keep-alive is due every 15 s of silence
      try (BufferedReader r = new BufferedReader(new InputStreamReader(c.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith(":")) {
            return line;
          }
        }
      }
      return "(the stream ended without a comment)";
    } catch (java.io.IOException e) {
      return "(no comment: " + e + ")";
    }
  }

  private static HttpURLConnection open(CliProcess sky, String path) throws java.io.IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + sky.port + path)
        .toURL().openConnection();
    Path token = sky.home.resolve("server").resolve("token");
    if (Files.exists(token)) {
      c.setRequestProperty("Authorization", "Bearer " + Files.readString(token).trim());
    }
    return c;
  }
}
