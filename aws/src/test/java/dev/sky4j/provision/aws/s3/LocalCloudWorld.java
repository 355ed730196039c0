package dev.sky4j.provision.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.agent.local.LocalCloudDisk;
import dev.sky4j.agent.local.LocalNodes;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.client.dto.ClusterAction;
import dev.sky4j.client.dto.LaunchRequest;
import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.engine.Providers;
import dev.sky4j.engine.SkyService;
import dev.sky4j.engine.SshClusterAccess;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.aws.MotoServer;
import dev.sky4j.provision.Provider;
import dev.sky4j.provision.local.LocalProvider;
import dev.sky4j.state.Database;
import dev.sky4j.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real engine on the local cloud (node processes behind real SSH) whose storage SPI finds S3
 * through META-INF/services and talks to a real moto, as a server started with
 * AWS_ENDPOINT_URL would.
 */
final class LocalCloudWorld implements AutoCloseable {
  final Path root;
  final Sky4jPaths paths;
  final SkyService sky;
  final Database db;
  final LocalProvider local;
  final S3Store s3;

  LocalCloudWorld(MotoServer moto) throws Exception {
    this(moto, List.of());
  }

  /** With {@code more} providers beside the local cloud (e.g. a named planning fake). */
  LocalCloudWorld(MotoServer moto, List<Provider> more) throws Exception {
    // nodes start from the agent jar: this module's test class path is too wide for a node
    Path agentJar = Path.of("..", "agent", "target", "sky4j-agent.jar").toAbsolutePath().normalize();
    Prerequisites.require(Files.isRegularFile(agentJar),
        "the agent jar " + agentJar + " (mvn -o -q package -pl agent -am -DskipTests)");
    System.setProperty("sky4j.agent.jar", agentJar.toString());
    MotoCredentials.set();
    System.setProperty("aws.endpointUrl", moto.endpoint().toString());
    Files.createDirectories(Path.of("target"));
    root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "s3world-");
    paths = Sky4jPaths.under(root);
    Files.createDirectories(paths.sky4jHome());
    db = Database.open(paths.sky4jHome().resolve("state.db"));
    local = new LocalProvider(paths);
    sky = new SkyService(paths.sky4jHome(), db,
        new Providers(Catalog.get(), Stream.concat(Stream.<Provider>of(local), more.stream())
            .toList()), new SshClusterAccess(paths));
    s3 = new S3Store(new S3Clients(new S3Settings(moto.endpoint(), "us-east-1")));
  }

  /** Launches and waits; returns the request log. */
  String launch(String cluster, String yaml) throws Exception {
    String id = sky.launch(new LaunchRequest(cluster, new TaskInput(yaml, "task.yaml",
        root.toString(), null, null, Map.of(), Map.of()), null, false, false, false, false));
    RequestInfo done = await(id);
    String log = Files.readString(sky.requestLog(id));
    assertThat(done.status()).as(done.error() + "\n" + log).isEqualTo("SUCCEEDED");
    return log;
  }

  String down(String cluster) throws Exception {
    String id = sky.down(new ClusterAction(List.of(cluster), false, null, false, false));
    RequestInfo done = await(id);
    String log = Files.readString(sky.requestLog(id));
    assertThat(done.status()).as(done.error() + "\n" + log).isEqualTo("SUCCEEDED");
    return log;
  }

  RequestInfo await(String id) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (List.of("PENDING", "RUNNING").contains(sky.request(id).status())) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("request " + id + " did not finish in 120 s");
      }
      Thread.sleep(50);
    }
    return sky.request(id);
  }

  @Override
  public void close() throws Exception {
    sky.close();
    db.close();
    LocalCloudDisk disk = new LocalCloudDisk(paths.sky4jHome());
    if (Files.isDirectory(paths.localCloudDir())) {
      try (var clusters = Files.list(paths.localCloudDir())) {
        for (Path c : clusters.toList()) {
          for (Path h : disk.nodeHomes(c.getFileName().toString())) {
            LocalNodes.killHard(h);
          }
        }
      }
    }
    LocalCloudDisk.deleteTree(root);
    System.clearProperty("aws.endpointUrl");
    System.clearProperty("sky4j.agent.jar");
  }
}
