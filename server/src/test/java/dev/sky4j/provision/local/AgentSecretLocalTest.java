package dev.sky4j.provision.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.agent.NodeConfig;
import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.agent.jobs.JobSpec;
import dev.sky4j.agent.local.LocalNodes;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.ProvisionRequest;
import dev.sky4j.ssh.AgentSecrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The agents' control API on a real 2-node local cluster answers only calls carrying the
 * cluster's secret: on the head and on the worker, {@code /rank/start} included (which would run
 * a script), and never a browser. The secret is 0600 on the server and on each node, never in a
 * node's command line or environment, survives stop/start, and goes with the cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentSecretLocalTest {
  private static final String RANK_START = "{\"jobId\":99,\"phase\":\"run\",\"rank\":0,"
      + "\"script\":\"touch pwned\",\"env\":{},\"gpuSlots\":[],\"workdir\":null}";
  private LocalCloudFixture cloud;
  private ClusterInfo info;

  @BeforeAll
  void launch() throws Exception {
    cloud = new LocalCloudFixture("");
    info = cloud.launch("sec", 2, false);
  }

  @AfterAll
  void close() throws Exception {
    cloud.close();
  }

  private Path home(int rank) {
    return cloud.paths.localCloudDir().resolve("sec").resolve("node-" + rank);
  }

  private String secretText(Path file) throws IOException {
    return Files.readString(file).strip();
  }

  /** A raw call as any local process could make it; answers code and body. */
  private record Answer(int code, String body) {}

  private Answer call(int rank, String method, String path, String body, Map<String, String> headers)
      throws IOException {
    NodeConfig c = NodeConfig.read(home(rank));
    HttpURLConnection h = (HttpURLConnection) URI.create("http://" + c.ip() + ":" + c.agentPort()
        + path).toURL().openConnection();
    h.setRequestMethod(method);
    headers.forEach(h::setRequestProperty);
    if (body != null) {
      h.setDoOutput(true);
      h.setRequestProperty("Content-Type", "application/json");
      try (OutputStream o = h.getOutputStream()) {
        o.write(body.getBytes(StandardCharsets.UTF_8));
      }
    }
    int code = h.getResponseCode();
    try (InputStream in = code >= 400 ? h.getErrorStream() : h.getInputStream()) {
      return new Answer(code, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** HttpURLConnection drops an Origin header, so the browser's request goes over a plain socket. */
  private String rawStatusLine(int rank, String headers) throws IOException {
    NodeConfig c = NodeConfig.read(home(rank));
    try (java.net.Socket s = new java.net.Socket(c.ip(), c.agentPort())) {
      s.getOutputStream().write(("GET /jobs HTTP/1.1\r\nHost: " + c.ip() + "\r\n" + headers
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
          .findFirst().orElse("");
    }
  }

  @Test
  @Order(1)
  void headAndWorkerRefuseCallsWithoutOrWithAWrongSecret() throws Exception {
    String wrong = "Bearer " + "A".repeat(43);
    String right = "Bearer " + secretText(cloud.paths.agentSecretsDir().resolve("sec"));
    for (int rank : new int[] {0, 1}) {
      for (String path : List.of("/jobs", "/health", "/idle", "/autostop")) {
        Answer none = call(rank, "GET", path, null, Map.of());
        assertThat(none.code()).as("rank " + rank + " GET " + path + " without a secret").isEqualTo(401);
        assertThat(none.body()).contains("cluster's secret").doesNotContain("Exception");
        assertThat(call(rank, "GET", path, null, Map.of("Authorization", wrong)).code())
            .as("rank " + rank + " GET " + path + " with a wrong secret").isEqualTo(401);
      }
      assertThat(call(rank, "POST", "/rank/start", RANK_START, Map.of()).code()).isEqualTo(401);
      assertThat(call(rank, "POST", "/rank/start", RANK_START, Map.of("Authorization", wrong)).code())
          .isEqualTo(401);
      assertThat(call(rank, "POST", "/jobs", "{\"run\":\"touch pwned\"}", Map.of()).code())
          .isEqualTo(401);
      assertThat(rawStatusLine(rank, "Authorization: " + right + "\r\nOrigin: http://evil.example"))
          .as("a browser, even with the secret").contains(" 403 ");
      assertThat(rawStatusLine(rank, "Authorization: " + right)).contains(" 200 ");
      assertThat(call(rank, "GET", "/health", null, Map.of("Authorization", right)).code())
          .isEqualTo(200);
    }
    Thread.sleep(300);
    assertThat(home(0).resolve("pwned")).doesNotExist();
    assertThat(home(1).resolve("pwned")).doesNotExist();
  }

  @Test
  @Order(2)
  void theSecretIs0600OnServerAndNodesAndNeverInANodesCommandLineOrEnvironment() throws Exception {
    Path server = new AgentSecrets(cloud.paths).file("sec");
    assertThat(Files.getPosixFilePermissions(server)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(server.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    String value = secretText(server);
    assertThat(value).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64
    for (int rank : new int[] {0, 1}) {
      Path node = NodeConfig.agentDir(home(rank)).resolve(AgentSecret.FILE);
      assertThat(Files.getPosixFilePermissions(node)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(secretText(node)).isEqualTo(value);
      long pid = LocalNodes.find(home(rank)).orElseThrow().pid();
      assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.ISO_8859_1))
          .doesNotContain(value);
      assertThat(Files.readString(Path.of("/proc/" + pid + "/environ"), StandardCharsets.ISO_8859_1))
          .doesNotContain(value);
    }
  }

  @Test
  @Order(3)
  void theHeadReachesItsWorkerWithTheSecretAndJobsNeverSeeIt() throws Exception {
    var head = LocalCloudFixture.agentOf(home(0));
    Map<?, ?> r = (Map<?, ?>) head.post("/jobs", new JobSpec(null, null,
        "env > job-env.txt; echo rank $SKYPILOT_NODE_RANK", 2, 0, 0.5, Map.of(), Map.of(), null,
        null, null).toWireJson());
    long id = ((Number) r.get("id")).longValue();
    long deadline = System.currentTimeMillis() + 30_000;
    String state = "";
    while (System.currentTimeMillis() < deadline) {
      state = String.valueOf(((Map<?, ?>) head.get("/jobs/" + id)).get("state"));
      if (List.of("SUCCEEDED", "FAILED", "FAILED_SETUP", "CANCELLED").contains(state)) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(state).as("a 2-node job: the head starts rank 1 on its worker").isEqualTo("SUCCEEDED");
    String value = secretText(new AgentSecrets(cloud.paths).file("sec"));
    for (int rank : new int[] {0, 1}) {
      assertThat(home(rank).resolve("job-env.txt")).content().contains("SKYPILOT_NODE_RANK=" + rank)
          .doesNotContain(value);
    }
  }

  @Test
  @Order(4)
  void stopAndStartKeepTheSecretAndTerminateDeletesTheServersCopy() throws Exception {
    Path server = new AgentSecrets(cloud.paths).file("sec");
    String before = secretText(server);
    cloud.provider.stopInstances("sec", false);
    cloud.provider.runInstances(new ProvisionRequest("sec", "region-a", null, "local-cpu", 2, false,
        null, 0, Map.of()));
    cloud.provider.waitInstances("sec", Duration.ofSeconds(30));
    assertThat(secretText(server)).isEqualTo(before);
    assertThat(LocalCloudFixture.agentOf(home(1)).get("/idle?scope=node")).isNotNull();
    assertThat(LocalCloudFixture.agentOf(home(0)).get("/jobs")).isNotNull();
    cloud.provider.terminateInstances("sec", false);
    assertThat(server).doesNotExist();
    assertThat(info.nodes()).hasSize(2);
  }
}
