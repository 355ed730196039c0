package dev.sky4j.provision.local;

import dev.sky4j.agent.NodeConfig;
import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.ProvisionRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throwaway local cloud in a temp folder for tests. {@link #close} SIGKILLs every node process
 * (and job tree) found under it, whatever state the test left, then deletes the folder.
 */
final class LocalCloudFixture implements AutoCloseable {
  final Path root;
  final Sky4jPaths paths;
  final LocalProvider provider;

  LocalCloudFixture(String config) throws IOException {
    root = Files.createTempDirectory("sky4j-local-");
    paths = Sky4jPaths.under(root);
    Files.createDirectories(paths.sky4jHome());
    Files.writeString(paths.localCloudConfig(), config);
    provider = new LocalProvider(paths);
  }

  /** Starts (or restarts) {@code nodes} local-cpu nodes in region-a and waits until SSH is up. */
  ClusterInfo launch(String name, int nodes, boolean spot) throws Exception {
    return launch(name, "region-a", null, nodes, spot);
  }

  ClusterInfo launch(String name, String region, String zone, int nodes, boolean spot)
      throws Exception {
    provider.runInstances(new ProvisionRequest(name, region, zone, "local-cpu", nodes, spot, null,
        0, Map.of()));
    provider.waitInstances(name, Duration.ofSeconds(30));
    return provider.getClusterInfo(name).orElseThrow();
  }

  /** A client for a node's agent, with the secret its provider wrote into its home. */
  static HttpJsonClient agentOf(Path home) throws IOException {
    NodeConfig c = NodeConfig.read(home);
    return new HttpJsonClient(c.ip(), c.agentPort(), AgentSecret.ofNode(NodeConfig.agentDir(home)));
  }

  @Override
  public void close() throws IOException {
    Path dir = paths.localCloudDir();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> clusters = Files.list(dir)) {
        for (Path c : clusters.toList()) {
          try (Stream<Path> nodes = Files.list(c)) {
            nodes.filter(Files::isDirectory).forEach(NodeProcess::killHard);
          }
        }
      }
    }
    LocalLayout.deleteTree(root);
  }
}
