package dev.sky4j.provision.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.agent.NodeConfig;
import dev.sky4j.agent.vm.ControlSessions;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.bootstrap.BootstrapTarget;
import dev.sky4j.provision.bootstrap.OpenSshBootstrap;
import dev.sky4j.requests.Redactor;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.ssh.AgentSecrets;
import dev.sky4j.ssh.KeyManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * The agent's bootstrap onto fresh simulated VMs (nothing of sky4j or Java on them) over the
 * system's OpenSSH, and the agent's VM mode there: the secret guards it, jobs run on both
 * ranks, it comes back after a stop/start through the (fake, named as such) systemd, and
 * autostop powers the cluster off with the VMs' own shutdown — kept up while an OpenSSH
 * {@code ssh -N -L} forward is open, stopped once it closes although a marked sky4j control
 * connection stays open.
 */
class OpenSshBootstrapSimTest {
  static AwsSimulator sim;
  static Ec2Client ec2;
  @TempDir static Path tmp;
  static Sky4jPaths paths;
  static KeyManager.KeyFiles key;

  @BeforeAll
  static void start() throws Exception {
    sim = AwsSimulator.start();
    ec2 = sim.ec2("us-east-1");
    paths = Sky4jPaths.under(tmp);
    key = KeyManager.ensure(paths);
  }

  @AfterAll
  static void stop() throws Exception {
    if (sim != null) {
      sim.close();
    }
  }

  record Cluster(String name, List<String> ids, List<BootstrapTarget> nodes, AgentSecret secret) {}

  static Cluster launch(String name, int n) throws Exception {
    AgentSecret secret = new AgentSecrets(paths).create(name);
    List<String> ids = new ArrayList<>();
    for (int rank = 0; rank < n; rank++) {
      ids.add(sim.runInstance(ec2, name, rank, AwsSimulator.cloudConfig("ubuntu",
          key.publicKeyLine()), "stop"));
    }
    List<BootstrapTarget> nodes = new ArrayList<>();
    for (int rank = 0; rank < n; rank++) {
      AwsSimulator.SimHost h = sim.awaitHost(ids.get(rank), 30);
      nodes.add(new BootstrapTarget(ids.get(rank), rank, h.sshHost(), h.sshPort(), "ubuntu",
          key.privateKey(), null, h.internalIp(), NodeConfig.DEFAULT_AGENT_PORT));
    }
    return new Cluster(name, ids, nodes, secret);
  }

  static String install(Cluster c) throws IOException {
    Path logFile = tmp.resolve(c.name() + "-" + System.nanoTime() + ".log");
    try (RequestLog log = new RequestLog(logFile, Redactor.NONE)) {
      new OpenSshBootstrap(paths).install(c.name(), c.nodes(), log);
    }
    String text = Files.readString(logFile);
    // bench/aws-bootstrap.sh reads the progress lines (bytes uploaded, seconds per node) here
    Files.writeString(Path.of("target/bootstrap-progress.log"), "cluster " + c.name() + "\n" + text,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    return text;
  }

  static SimSsh ssh(BootstrapTarget node) {
    return new SimSsh(new AwsSimulator.SimHost(node.sshHost(), node.sshPort(), node.internalIp()),
        "ubuntu", node.privateKey());
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Calls the node's agent through an OpenSSH tunnel, closed again before returning. */
  interface AgentCall<T> {
    T call(HttpJsonClient agent, int port) throws Exception;
  }

  static <T> T viaTunnel(BootstrapTarget node, AgentSecret secret, AgentCall<T> call)
      throws Exception {
    int port = freePort();
    Process fwd = ssh(node).forward(port, node.internalIp() + ":" + node.agentPort());
    try {
      HttpJsonClient agent = new HttpJsonClient("127.0.0.1", port, secret);
      for (int i = 0; ; i++) { // until the forward is up; the call itself runs once
        try {
          agent.get("/health");
          break;
        } catch (IOException e) {
          if (i == 50) {
            throw e;
          }
          Thread.sleep(200);
        }
      }
      return call.call(agent, port);
    } finally {
      fwd.destroy();
      fwd.waitFor();
    }
  }

  @Test
  void bootstrapsTwoFreshVmsRunsAJobOnBothRanksAndSurvivesStopStart() throws Exception {
    Cluster c = launch("boot", 2);
    assertThat(ssh(c.nodes().get(1)).run("command -v java || echo none").output()).isEqualTo("none");

    String log = install(c);
    assertThat(log).contains("node 1/2 (" + c.ids().get(0) + "): uploading Java runtime (")
        .contains("node 2/2 (" + c.ids().get(1) + "): uploading the agent (")
        .contains("agent up");
    SimSsh worker = ssh(c.nodes().get(1));
    assertThat(worker.run("stat -c %a ~/.sky4j-agent/agent-secret").output()).isEqualTo("600");
    assertThat(worker.run("systemctl is-active sky4j-agent").output()).isEqualTo("active");

    BootstrapTarget head = c.nodes().get(0);
    Map<?, ?> health = viaTunnel(head, c.secret(), (a, p) -> (Map<?, ?>) a.get("/health"));
    assertThat(health.get("node")).isEqualTo(c.ids().get(0));
    int refused = viaTunnel(head, c.secret(), (a, port) -> {
      HttpURLConnection conn = (HttpURLConnection) URI.create("http://127.0.0.1:" + port
          + "/health").toURL().openConnection();
      return conn.getResponseCode();
    });
    assertThat(refused).as("no secret, no answer").isEqualTo(401);

    String out = viaTunnel(head, c.secret(), (a, p) -> {
      Map<?, ?> job = (Map<?, ?>) a.post("/jobs", Map.of("run",
          "echo \"rank $SKYPILOT_NODE_RANK on $(hostname) java=$(command -v java || echo none)\"",
          "numNodes", 2));
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      a.stream("/jobs/" + job.get("id") + "/log?follow=true", buf, 30_000);
      return buf.toString(StandardCharsets.UTF_8);
    });
    assertThat(out).contains("rank 0 on ip-" + head.internalIp().replace('.', '-'))
        .contains("rank 1 on ip-" + c.nodes().get(1).internalIp().replace('.', '-'));

    assertThat(install(c)).as("a second install uploads nothing")
        .doesNotContain("uploading").contains("0 KB uploaded");

    ec2.stopInstances(b -> b.instanceIds(c.ids()));
    sim.await("both VMs down", () -> ssh(head).run0("true") != 0 && worker.run0("true") != 0);
    ec2.startInstances(b -> b.instanceIds(c.ids()));
    sim.await("the head back", () -> ssh(head).run0("true") == 0);
    Map<?, ?> again = viaTunnel(head, c.secret(), (a, p) -> (Map<?, ?>) a.get("/health"));
    assertThat(again.get("node")).as("started by the VM's (fake) systemd at boot").isEqualTo(c.ids().get(0));
  }

  @Test
  void autostopPowersTheClusterOffOnlyAfterTheLastOpenSshForwardCloses() throws Exception {
    Cluster c = launch("idle", 2);
    install(c);
    BootstrapTarget head = c.nodes().get(0);
    // A warm control connection as the server keeps one, marked as sky4j's: never activity.
    Process control = ssh(head).hold(ControlSessions.MARK_COMMAND + "; exec sleep 600");
    int forwardPort = freePort();
    Process forward = ssh(c.nodes().get(1)).forward(forwardPort, "127.0.0.1:9");
    sim.await("the forward's connection", () -> {
      try {
        return viaTunnel(head, c.secret(), (a, p) -> ((Number) ((Map<?, ?>) a.get("/idle"))
            .get("sshSessions")).intValue()) >= 2; // our tunnel to the head + the forward
      } catch (Exception e) {
        return false;
      }
    });
    viaTunnel(head, c.secret(), (a, p) -> a.post("/autostop", Map.of("idleSeconds", 2)));
    Thread.sleep(6000);
    assertThat(AwsSimulator.state(ec2, c.ids().get(0))).as("an open ssh -N -L keeps it up")
        .isEqualTo(InstanceStateName.RUNNING);
    forward.destroy();
    forward.waitFor();
    sim.await("autostop to stop both instances", () ->
        AwsSimulator.state(ec2, c.ids().get(0)) == InstanceStateName.STOPPED
            && AwsSimulator.state(ec2, c.ids().get(1)) == InstanceStateName.STOPPED);
    assertThat(control.waitFor(10, java.util.concurrent.TimeUnit.SECONDS))
        .as("the control connection was open until the VM went down").isTrue();
  }
}
