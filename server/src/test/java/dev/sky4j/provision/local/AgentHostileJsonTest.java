package dev.sky4j.provision.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.agent.NodeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The node agent's control API, on a real local node process, answers bodies built to break a
 * parser with a 400 that says what is wrong and where: never a 500, a dropped connection (a
 * stack overflow on its handler thread), or a value silently mangled into a script or a path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentHostileJsonTest {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private LocalCloudFixture cloud;
  private String base;

  @BeforeAll
  void node() throws Exception {
    cloud = new LocalCloudFixture("");
    cloud.launch("hostile", 1, false);
    NodeConfig c = NodeConfig.read(cloud.paths.localCloudDir().resolve("hostile").resolve("node-0"));
    base = "http://" + c.ip() + ":" + c.agentPort();
  }

  @AfterAll
  void close() throws Exception {
    cloud.close();
  }

  @Test
  void hostileBodiesAreA400WithTheirPosition() throws Exception {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("100,000 deep", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
    bodies.put("100,000 deep objects", ("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000))
        .getBytes(StandardCharsets.UTF_8));
    bodies.put("trailing backslash", utf8("{\"script\": \"echo \\"));
    bodies.put("short \\u", utf8("{\"script\": \"\\u12\"}"));
    bodies.put("1e999999", utf8("{\"idleMinutes\": 1e999999}"));
    bodies.put("lone surrogate", utf8("{\"script\": \"\\udc00\"}"));
    bodies.put("invalid UTF-8", new byte[] {'{', '"', 'w', '"', ':', '"', (byte) 0xFF, '"', '}'});
    // with the cluster's secret: the parser itself is what is under test, not the 401 before it
    String secret = "Bearer " + java.nio.file.Files.readString(
        cloud.paths.agentSecretsDir().resolve("hostile")).strip();
    List<String> wrong = new ArrayList<>();
    for (String route : List.of("/autostop", "/jobs", "/hooks", "/rank/start", "/mounts")) {
      for (Map.Entry<String, byte[]> b : bodies.entrySet()) {
        HttpResponse<String> r;
        try {
          r = HTTP.send(HttpRequest.newBuilder(URI.create(base + route))
              .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
              .header("Authorization", secret)
              .POST(HttpRequest.BodyPublishers.ofByteArray(b.getValue())).build(),
              HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
          wrong.add(route + " with " + b.getKey() + " -> no answer: " + e.getMessage());
          continue;
        }
        if (r.statusCode() != 400 || !r.body().contains("offset") || r.body().contains("Exception")) {
          wrong.add(route + " with " + b.getKey() + " -> " + r.statusCode() + " " + r.body());
        }
      }
    }
    if (!wrong.isEmpty()) {
      try (var w = java.nio.file.Files.walk(cloud.paths.localCloudDir().resolve("hostile"))) {
        for (var f : w.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".out")).toList()) {
          String t = java.nio.file.Files.readString(f);
          System.out.println("==== " + f + "\n" + t.substring(Math.max(0, t.length() - 3000)));
        }
      }
    }
    assertThat(wrong).as("agent answers to hostile JSON").isEmpty();
    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health"))
        .timeout(Duration.ofSeconds(20)).header("Authorization", secret).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).as("the agent still serves").isEqualTo(200);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
