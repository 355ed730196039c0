package dev.sky4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sky4j.testing.Prerequisites.require;

import dev.sky4j.agent.fs.Namespaces;
import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.agent.local.LocalCloudDisk;
import dev.sky4j.agent.local.LocalNodes;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.client.dto.ClusterAction;
import dev.sky4j.client.dto.LaunchRequest;
import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeInfo;
import dev.sky4j.provision.local.LocalProvider;
import dev.sky4j.ssh.CommandRunner;
import dev.sky4j.ssh.SshTarget;
import dev.sky4j.state.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A local node looks like a VM from inside: its own {@code /tmp}, {@code file_mounts} and storage
 * at the absolute paths the task names, a bucket that outlives the cluster, and nothing created
 * on the host's {@code /}. And with {@code SKY4J_LOCAL_NAMESPACES=off} (here the system property)
 * the same task runs with the mounts under each node's home. Real engine, node processes and SSH.
 */
class NodeFilesystemTest {
  private static final Path HOST_DATA = Path.of("/data");
  private static final Path HOST_CHECKPOINT = Path.of("/checkpoint");

  /** Not under /tmp: nodes then get their disk-backed /tmp, as with the default ~/.sky4j. */
  private Path root;
  private Sky4jPaths paths;
  private SkyService sky;
  private boolean dataBefore;
  private boolean checkpointBefore;

  @BeforeEach
  void setUp() throws Exception {
    dataBefore = Files.exists(HOST_DATA);
    checkpointBefore = Files.exists(HOST_CHECKPOINT);
    Files.createDirectories(Path.of("target"));
    root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "nodefs-");
    paths = Sky4jPaths.under(root);
    Files.createDirectories(paths.sky4jHome());
    sky = new SkyService(paths.sky4jHome(), Database.open(paths.sky4jHome().resolve("state.db")),
        new Providers(Catalog.get(), List.of(new LocalProvider(paths))), new SshClusterAccess(paths));
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("data/hello.txt"), "hello from the laptop\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    System.clearProperty(Namespaces.SWITCH_PROPERTY);
    sky.close();
    LocalCloudDisk disk = new LocalCloudDisk(paths.sky4jHome());
    for (String c : List.of("ns-a", "ns-b", "ns-two", "ns-off")) {
      for (Path h : disk.nodeHomes(c)) {
        LocalNodes.killHard(h);
      }
    }
    LocalCloudDisk.deleteTree(root);
    assertThat(Files.exists(HOST_DATA)).as("/data on the host").isEqualTo(dataBefore);
    assertThat(Files.exists(HOST_CHECKPOINT)).as("/checkpoint on the host").isEqualTo(checkpointBefore);
  }

  @Test
  void twoNodesOfOneClusterEachHaveTheirOwnTmp() throws Exception {
    require(Namespaces.availability().available(), Namespaces.availability().describe());
    String name = "sky4j-ns-" + UUID.randomUUID();
    launch("ns-two", "num_nodes: 2\nresources:\n  infra: local\n");
    ClusterInfo info = new LocalProvider(paths).getClusterInfo("ns-two").orElseThrow();
    for (NodeInfo n : info.nodes()) {
      try (CommandRunner r = runner(info, n)) {
        assertThat(r.run("echo node-" + n.rank() + " > /tmp/" + name).exitCode()).isZero();
      }
    }
    for (NodeInfo n : info.nodes()) {
      try (CommandRunner r = runner(info, n)) {
        assertThat(r.run("cat /tmp/" + name).stdout().strip()).isEqualTo("node-" + n.rank());
      }
    }
    assertThat(Path.of("/tmp", name)).as("the host's /tmp").doesNotExist();
    // A node's /tmp lives on its disk, except when the state folder or the jars themselves lie
    // under the host's /tmp (a checkout in /tmp): then it is a tmpfs (docs/local-cloud.md).
    boolean hostTmpInUse = paths.sky4jHome().toAbsolutePath().startsWith("/tmp")
        || Path.of(System.getProperty("user.dir")).toAbsolutePath().startsWith("/tmp");
    if (!hostTmpInUse) {
      assertThat(paths.localCloudDir().resolve("ns-two/node-1/.sky4j-agent/disk/tmp").resolve(name))
          .as("a node's /tmp is a folder on its disk").hasContent("node-1\n");
    }

    // autodown: the head deletes every home, its own included, from inside its namespace
    System.setProperty("sky4j.autostop.secondsPerMinute", "1");
    try {
      new HttpJsonClient(info.head().internalIp(), info.head().agentPort(),
          new dev.sky4j.ssh.AgentSecrets(paths).require("ns-two"))
          .post("/autostop", Map.of("idleSeconds", 1, "down", true, "waitFor", "none"));
      long deadline = System.currentTimeMillis() + 30_000;
      while (Files.exists(paths.localCloudDir().resolve("ns-two"))) {
        assertThat(System.currentTimeMillis()).as("ns-two deleted by its head").isLessThan(deadline);
        Thread.sleep(100);
      }
    } finally {
      System.clearProperty("sky4j.autostop.secondsPerMinute");
    }
  }

  @Test
  void fileMountAndStorageAppearAtTheirPathsAndTheBucketOutlivesTheCluster() throws Exception {
    require(Namespaces.availability().available(), Namespaces.availability().describe());
    String log = launch("ns-a", """
        resources:
          infra: local
        file_mounts:
          /data: ./data
          /checkpoint:
            name: ckpt
            mode: MOUNT
        run: |
          cat /data/hello.txt
          echo step-7 > /checkpoint/step
          echo "tmp=$(ls /tmp | grep -c .)"
        """);
    assertThat(log).contains("hello from the laptop").contains("Mounted /checkpoint (storage ckpt, MOUNT)");
    assertThat(paths.sky4jHome().resolve("buckets/ckpt/step")).hasContent("step-7\n");
    awaitDone(sky.down(new ClusterAction(List.of("ns-a"), false, null, false, false)));

    String second = launch("ns-b", """
        resources:
          infra: local
        file_mounts:
          /checkpoint:
            name: ckpt
            mode: MOUNT
          shared/ckpt:
            name: ckpt
            mode: MOUNT
          notes: ./data
        run: |
          cat /checkpoint/step
          echo "relative=$(cat ~/shared/ckpt/step) $(cat ~/notes/hello.txt)"
        """);
    assertThat(second).contains("step-7");
    // relative destinations are resolved from the node's home, as in SkyPilot
    assertThat(second).contains("relative=step-7 hello from the laptop");
  }

  @Test
  void withoutNamespacesTheMountsFallBackUnderTheNodesHome() throws Exception {
    System.setProperty(Namespaces.SWITCH_PROPERTY, "off");
    assertThat(sky.check().stream().filter(c -> c.cloud().equals("local")).findFirst().orElseThrow()
        .reason()).contains("private filesystem per node: no (turned off by SKY4J_LOCAL_NAMESPACES=off)");
    String log = launch("ns-off", """
        resources:
          infra: local
        file_mounts:
          /data: ./data
          /checkpoint:
            name: ckpt
            mode: MOUNT
        run: |
          cat ~/data/hello.txt
          echo fallback > ~/checkpoint/step
          echo "fs=$SKY4J_NODE_FS"
        """);
    assertThat(log).contains("hello from the laptop").contains("no private filesystem")
        .contains("fs=shared: turned off");
    assertThat(paths.sky4jHome().resolve("buckets/ckpt/step")).hasContent("fallback\n");
  }

  private CommandRunner runner(ClusterInfo info, NodeInfo n) {
    return new CommandRunner(new SshTarget(n.sshHost(), n.sshPort(), info.sshUser(), info.privateKey()));
  }

  /** Launches and waits; returns the request log. */
  private String launch(String cluster, String yaml) throws Exception {
    String id = sky.launch(new LaunchRequest(cluster, new TaskInput(yaml, "task.yaml",
        root.toString(), null, null, Map.of(), Map.of()), null, false, false, false, false));
    RequestInfo done = awaitDone(id);
    String log = Files.readString(sky.requestLog(id));
    assertThat(done.status()).as(done.error() + "\n" + log).isEqualTo("SUCCEEDED");
    return log;
  }

  private RequestInfo awaitDone(String id) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 90_000;
    while (List.of("PENDING", "RUNNING").contains(sky.request(id).status())) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("request " + id + " did not finish in 90 s");
      }
      Thread.sleep(50);
    }
    return sky.request(id);
  }
}
