package dev.sky4j.agent;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Everything a node process needs to know about itself, written by the provider to
 * {@code <home>/.sky4j-agent/node.properties} before the process starts. {@code peers} lists
 * every node's {@code ip:agentPort} in rank order (head first), so the head can fan jobs out.
 * {@code gpuDevices} are the device ids behind this node's GPU slots (physical indices on a GPU
 * host; {@code 0..n-1} for simulated GPUs). A spot node with {@code chaosMeanSeconds > 0}
 * preempts itself after an exponentially distributed delay, as a cloud reclaiming it would.
 */
public record NodeConfig(
    String cluster,
    String nodeId,
    int rank,
    String ip,
    int sshPort,
    int agentPort,
    Path authorizedKeys,
    String cloud,
    String region,
    String zone,
    List<String> gpuDevices,
    String gpuName,
    boolean gpusSimulated,
    double cpus,
    List<String> peers,
    String user,
    boolean spot,
    double chaosMeanSeconds) {

  public static final String AGENT_DIR = ".sky4j-agent";
  public static final String FILE = "node.properties";
  /** Where a node's SSH server and agent listen on their own address unless told otherwise. */
  public static final int DEFAULT_SSH_PORT = 2222;
  public static final int DEFAULT_AGENT_PORT = 2223;

  public NodeConfig {
    gpuDevices = List.copyOf(gpuDevices);
    peers = List.copyOf(peers);
  }

  public static Path agentDir(Path home) {
    return home.resolve(AGENT_DIR);
  }

  public NodeConfig withPeers(List<String> newPeers) {
    return new NodeConfig(cluster, nodeId, rank, ip, sshPort, agentPort, authorizedKeys, cloud,
        region, zone, gpuDevices, gpuName, gpusSimulated, cpus, newPeers, user, spot,
        chaosMeanSeconds);
  }

  public static NodeConfig read(Path home) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(agentDir(home).resolve(FILE))) {
      p.load(r);
    }
    return new NodeConfig(
        p.getProperty("cluster"),
        p.getProperty("node"),
        Integer.parseInt(p.getProperty("rank", "0")),
        p.getProperty("ip"),
        Integer.parseInt(p.getProperty("sshPort")),
        Integer.parseInt(p.getProperty("agentPort")),
        Path.of(p.getProperty("authorizedKeys")),
        p.getProperty("cloud", "local"),
        p.getProperty("region", ""),
        p.getProperty("zone", ""),
        list(p.getProperty("gpuDevices", "")),
        p.getProperty("gpuName", ""),
        Boolean.parseBoolean(p.getProperty("gpusSimulated", "false")),
        Double.parseDouble(p.getProperty("cpus", "2")),
        list(p.getProperty("peers", "")),
        p.getProperty("user", System.getProperty("user.name")),
        Boolean.parseBoolean(p.getProperty("spot", "false")),
        Double.parseDouble(p.getProperty("chaosMeanSeconds", "0")));
  }

  /** Writes atomically, so a node starting concurrently never reads half a file. */
  public void write(Path home) throws IOException {
    Properties p = new Properties();
    p.setProperty("cluster", cluster);
    p.setProperty("node", nodeId);
    p.setProperty("rank", Integer.toString(rank));
    p.setProperty("ip", ip);
    p.setProperty("sshPort", Integer.toString(sshPort));
    p.setProperty("agentPort", Integer.toString(agentPort));
    p.setProperty("authorizedKeys", authorizedKeys.toString());
    p.setProperty("cloud", cloud);
    p.setProperty("region", region);
    p.setProperty("zone", zone);
    p.setProperty("gpuDevices", String.join(",", gpuDevices));
    p.setProperty("gpuName", gpuName == null ? "" : gpuName);
    p.setProperty("gpusSimulated", Boolean.toString(gpusSimulated));
    p.setProperty("cpus", Double.toString(cpus));
    p.setProperty("peers", String.join(",", peers));
    p.setProperty("user", user);
    p.setProperty("spot", Boolean.toString(spot));
    p.setProperty("chaosMeanSeconds", Double.toString(chaosMeanSeconds));
    Path dir = agentDir(home);
    Files.createDirectories(dir);
    Path tmp = dir.resolve(FILE + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp)) {
      p.store(w, "sky4j node " + nodeId + " (written by the provider)");
    }
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<String> list(String s) {
    return s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::trim).toList();
  }
}
