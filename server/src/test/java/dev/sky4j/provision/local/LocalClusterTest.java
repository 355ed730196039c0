package dev.sky4j.provision.local;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sky4j.testing.Prerequisites.require;

import dev.sky4j.agent.jobs.JobSpec;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeInfo;
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.ProvisionRequest;
import dev.sky4j.ssh.AgentClient;
import dev.sky4j.ssh.CommandRunner;
import dev.sky4j.ssh.FolderSync;
import dev.sky4j.ssh.SshConfigWriter;
import dev.sky4j.ssh.SshTarget;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** A real 2-node local cluster (two node processes, real SSH), shared by the tests in order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterTest {
  private LocalCloudFixture cloud;
  private ClusterInfo info;
  private CommandRunner head;
  private CommandRunner worker;
  private AgentClient agent;
  private ProvisionRequest request;

  @BeforeAll
  void provision() throws Exception {
    cloud = new LocalCloudFixture("simulated-gpus=H100:4\n");
    request = new ProvisionRequest("dev", "region-a", "zone-1", "local-gpu-H100-2", 2, false,
        "H100", 2, Map.of());
    cloud.provider.runInstances(request);
    cloud.provider.waitInstances("dev", Duration.ofSeconds(30));
    connect();
  }

  private void connect() throws Exception {
    info = cloud.provider.getClusterInfo("dev").orElseThrow();
    head = runner(info.head());
    worker = runner(info.workers().get(0));
    agent = AgentClient.connect(head, info.head().internalIp(),
        new dev.sky4j.ssh.AgentSecrets(cloud.paths).require("dev"));
  }

  private CommandRunner runner(NodeInfo n) {
    return new CommandRunner(new SshTarget(n.sshHost(), n.sshPort(), info.sshUser(), info.privateKey()));
  }

  @AfterAll
  void teardown() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {agent, head, worker}) {
      if (c != null) {
        c.close();
      }
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  private String waitTerminal(long id) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      String s = agent.state(id);
      if (List.of("SUCCEEDED", "FAILED", "FAILED_SETUP", "CANCELLED").contains(s)) {
        return s;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not finish: " + agent.job(id));
  }

  @Test
  @Order(1)
  void nodesHaveDistinctAddressesAndRunCommandsInTheirOwnHome() throws Exception {
    assertThat(info.nodes()).hasSize(2);
    assertThat(info.head().internalIp()).isNotEqualTo(info.workers().get(0).internalIp());
    assertThat(cloud.provider.queryInstances("dev")).containsValues(NodeState.RUNNING).hasSize(2);
    CommandRunner.Result r = head.run("pwd; echo $HOME; echo err >&2; exit 3");
    assertThat(r.exitCode()).isEqualTo(3);
    Path headHome = cloud.paths.localCloudDir().resolve("dev/node-0");
    assertThat(r.stdout()).isEqualTo(headHome + "\n" + headHome + "\n");
    assertThat(r.stderr()).isEqualTo("err\n");
  }

  @Test
  @Order(2)
  void multiNodeJobSeesEverySkypilotVariableOnEveryRank() throws Exception {
    String dump = "env | grep -E '^(SKYPILOT_|CUDA_VISIBLE_DEVICES|FOO|TOKEN)' | sort; "
        + "echo \"IPS=$(echo \"$SKYPILOT_NODE_IPS$SKYPILOT_SETUP_NODE_IPS\" | tr '\\n' ,)\"";
    JobSpec spec = new JobSpec("envcheck", "{ " + dump + "; } > setup-env.txt",
        "{ " + dump + "; } > run-env.txt; echo rank $SKYPILOT_NODE_RANK done",
        2, 1, 0.5, Map.of("FOO", "bar baz"), Map.of("TOKEN", "s3cr3t"), null, "alice", null);
    long id = agent.submit(spec);
    assertThat(waitTerminal(id)).isEqualTo("SUCCEEDED");
    String ips = info.head().internalIp() + "," + info.workers().get(0).internalIp() + ",";
    for (int rank = 0; rank < 2; rank++) {
      CommandRunner node = rank == 0 ? head : worker;
      Map<String, String> run = envOf(node.run("cat run-env.txt").stdout());
      assertThat(run).containsEntry("SKYPILOT_NODE_RANK", Integer.toString(rank))
          .containsEntry("SKYPILOT_NUM_NODES", "2")
          .containsEntry("SKYPILOT_NUM_GPUS_PER_NODE", "1")
          .containsEntry("SKYPILOT_USER", "alice")
          .containsEntry("SKYPILOT_INTERNAL_JOB_ID", Long.toString(id))
          .containsEntry("CUDA_VISIBLE_DEVICES", "0")
          .containsEntry("FOO", "bar baz")
          .containsEntry("TOKEN", "s3cr3t")
          .containsEntry("SKYPILOT_CLUSTER_INFO",
              "{\"cluster_name\":\"dev\",\"cloud\":\"local\",\"region\":\"region-a\",\"zone\":\"zone-1\"}");
      assertThat(run.get("SKYPILOT_TASK_ID")).matches("sky-\\d{4}-\\d\\d-\\d\\d-[-\\d]+_dev_" + id);
      assertThat(run).containsEntry("IPS", ips);
      Map<String, String> setup = envOf(node.run("cat setup-env.txt").stdout());
      assertThat(setup).containsEntry("SKYPILOT_SETUP_NODE_RANK", Integer.toString(rank))
          .containsEntry("SKYPILOT_SETUP_NUM_GPUS_PER_NODE", "1")
          .containsEntry("SKYPILOT_NUM_NODES", "2")
          .doesNotContainKey("SKYPILOT_NODE_RANK");
      assertThat(setup).containsEntry("IPS", ips);
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    agent.log(id, 0, false, log);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("(head, rank=0, ip=" + info.head().internalIp() + ") rank 0 done")
        .contains("(worker1, rank=1, ip=" + info.workers().get(0).internalIp() + ") rank 1 done");
    assertThat(agent.job(id).toString()).contains("TOKEN").doesNotContain("s3cr3t");
  }

  private static Map<String, String> envOf(String text) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return m;
  }

  @Test
  @Order(3)
  void aFailedRankFailsTheJobAndStopsTheOtherRank() throws Exception {
    long id = agent.submit(new JobSpec("fail", null,
        "if [ $SKYPILOT_NODE_RANK = 1 ]; then exit 7; fi; sleep 60", 2, 0, 0.5, Map.of(),
        Map.of(), null, null, null));
    long t0 = System.currentTimeMillis();
    assertThat(waitTerminal(id)).isEqualTo("FAILED");
    assertThat(System.currentTimeMillis() - t0).isLessThan(20_000);
    assertThat(agent.job(id).get("message").toString()).contains("rank 1").contains("exit code 7");
  }

  @Test
  @Order(4)
  void cancelKillsTheJobAndItsChildren() throws Exception {
    long id = agent.submit(JobSpec.of("sleep 300 & echo $! > child.pid; echo started; wait"));
    long deadline = System.currentTimeMillis() + 15_000;
    while (!head.run("cat child.pid 2>/dev/null").stdout().strip().matches("\\d+")) {
      assertThat(System.currentTimeMillis()).isLessThan(deadline);
      Thread.sleep(50);
    }
    long child = Long.parseLong(head.run("cat child.pid").stdout().strip());
    assertThat(ProcessHandle.of(child)).isPresent();
    assertThat(agent.cancel(id)).isTrue();
    assertThat(waitTerminal(id)).isEqualTo("CANCELLED");
    ProcessHandle h = ProcessHandle.of(child).orElse(null);
    if (h != null) {
      h.onExit().get(5, TimeUnit.SECONDS);
    }
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  @Order(5)
  void logFollowsARunningJobAndResumesFromAnOffset() throws Exception {
    long id = agent.submit(JobSpec.of("for i in 1 2 3 4 5; do echo line$i; sleep 0.2; done"));
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    long end = agent.log(id, 0, true, all);
    assertThat(all.toString(StandardCharsets.UTF_8)).isEqualTo("line1\nline2\nline3\nline4\nline5\n");
    assertThat(end).isEqualTo(30);
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    agent.log(id, 12, true, rest);
    assertThat(rest.toString(StandardCharsets.UTF_8)).isEqualTo("line3\nline4\nline5\n");
  }

  @Test
  @Order(6)
  void anOpenSshChannelKeepsTheNodeBusyButTheControlTunnelDoesNot() throws Exception {
    Map<String, Object> idle = agent.idle();
    assertThat(idle.get("idle")).isEqualTo(true);
    try (CommandRunner other = runner(info.head());
         CommandRunner.Tunnel fwd = other.forward(info.head().internalIp(), info.head().sshPort())) {
      // a port forward alone (like `ssh -N -L`) must count, with no PTY and no command
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", fwd.localPort())) {
        s.getInputStream().read(); // the node's SSH banner comes through the tunnel
        Map<String, Object> busy = agent.idle();
        assertThat(busy.get("idle")).isEqualTo(false);
        assertThat(((Number) busy.get("sshChannels")).intValue()).isGreaterThanOrEqualTo(1);
      }
    }
  }

  @Test
  @Order(7)
  void syncUploadsOnlyChangedFilesAndHonoursSkyignore() throws Exception {
    Path dir = Files.createTempDirectory(cloud.root, "workdir");
    Files.writeString(dir.resolve("train.py"), "print('hi')\n");
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/big.bin"), "x");
    Files.writeString(dir.resolve("notes.log"), "x");
    Files.writeString(dir.resolve(".skyignore"), "data/\n*.log\n");
    FolderSync.Stats first = FolderSync.sync(head, dir, "sky_workdir");
    assertThat(first.uploaded()).isEqualTo(2); // train.py and .skyignore
    assertThat(first.ignored()).isEqualTo(2);
    assertThat(head.run("cd sky_workdir && ls -A | sort").stdout()).isEqualTo(".skyignore\ntrain.py\n");
    FolderSync.Stats second = FolderSync.sync(head, dir, "sky_workdir");
    assertThat(second.uploaded()).isZero();
    assertThat(second.unchanged()).isEqualTo(2);
  }

  @Test
  @Order(8)
  void theRunnerReconnectsAfterTheConnectionDrops() throws Exception {
    assertThat(head.run("echo one").stdout()).isEqualTo("one\n");
    head.disconnectForTest();
    assertThat(head.run("echo two").stdout()).isEqualTo("two\n");
  }

  @Test
  @Order(9)
  void realOpenSshReachesHeadAndWorkerByNameAndScpWorks() throws Exception {
    require(onPath("ssh") && onPath("scp"),
        "OpenSSH client not installed: run scripts/install-deps.sh (apt-get install openssh-client)");
    SshConfigWriter writer = new SshConfigWriter(cloud.paths);
    List<SshConfigWriter.HostEntry> hosts = new ArrayList<>();
    for (NodeInfo n : info.nodes()) {
      hosts.add(new SshConfigWriter.HostEntry(n.rank() == 0 ? "dev" : "dev-worker" + n.rank(),
          n.sshHost(), n.sshPort(), info.sshUser(), info.privateKey()));
    }
    writer.writeCluster("dev", hosts);
    String cfg = cloud.paths.sshConfig().toString();
    assertThat(exec("ssh", "-F", cfg, "-o", "BatchMode=yes", "dev", "hostname")).isEqualTo(exec("hostname"));
    assertThat(exec("ssh", "-F", cfg, "-o", "BatchMode=yes", "dev-worker1", "pwd"))
        .isEqualTo(cloud.paths.localCloudDir().resolve("dev/node-1").toString());
    Path local = Files.writeString(cloud.root.resolve("hello.txt"), "hello over scp\n");
    exec("scp", "-F", cfg, "-o", "BatchMode=yes", local.toString(), "dev:copied.txt");
    assertThat(head.run("cat copied.txt").stdout()).isEqualTo("hello over scp\n");
    exec("scp", "-F", cfg, "-o", "BatchMode=yes", "dev-worker1:run-env.txt", cloud.root.resolve("back.txt").toString());
    assertThat(Files.readString(cloud.root.resolve("back.txt"))).contains("SKYPILOT_NODE_RANK=1");

    // rsync -e ssh by name, as users sync data to a dev box (scripts/install-deps.sh installs it)
    require(onPath("rsync"), "rsync not installed: run scripts/install-deps.sh");
    Path src = Files.createDirectories(cloud.root.resolve("rsync-src/sub"));
    Files.writeString(src.resolve("b.txt"), "synced by rsync\n");
    exec("rsync", "-a", "-e", "ssh -F " + cfg + " -o BatchMode=yes",
        cloud.root.resolve("rsync-src") + "/", "dev:rsynced/");
    assertThat(head.run("cat rsynced/sub/b.txt").stdout()).isEqualTo("synced by rsync\n");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static String exec(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + " said: " + out).isZero();
    return out;
  }

  @Test
  @Order(10)
  void stopKeepsTheHomeAndStartBringsTheSameNodesBack() throws Exception {
    head.run("echo kept > marker.txt");
    worker.run("echo kept-too > marker.txt");
    agent.close();
    cloud.provider.stopInstances("dev", false);
    assertThat(cloud.provider.queryInstances("dev")).containsOnly(
        Map.entry("node-0", NodeState.STOPPED), Map.entry("node-1", NodeState.STOPPED));
    String ipBefore = info.head().internalIp();
    cloud.provider.runInstances(request);
    cloud.provider.waitInstances("dev", Duration.ofSeconds(30));
    head.close();
    worker.close();
    connect();
    assertThat(info.head().internalIp()).isEqualTo(ipBefore);
    assertThat(head.run("cat marker.txt").stdout()).isEqualTo("kept\n");
    assertThat(worker.run("cat marker.txt").stdout()).isEqualTo("kept-too\n");
    long id = agent.submit(new JobSpec(null, null, "echo again", 2, 0, 0.5, Map.of(), Map.of(), null, null, null));
    assertThat(waitTerminal(id)).isEqualTo("SUCCEEDED");
  }
}
