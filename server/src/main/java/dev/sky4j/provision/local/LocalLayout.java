package dev.sky4j.provision.local;

import dev.sky4j.agent.NodeConfig;
import dev.sky4j.agent.local.LocalCloudDisk;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.provision.ProvisionRequest;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The local cloud on disk: {@code local/<cluster>/cluster.properties} (placement) and one
 * {@code node-<rank>} home per node holding {@code .sky4j-agent/node.properties}. Also allocates
 * what a cloud would — addresses, ports, GPUs — under a file lock shared by every process.
 */
final class LocalLayout {
  /** SSH and agent ports tried first on a node's own address. */
  static final int SSH_PORT = NodeConfig.DEFAULT_SSH_PORT;
  static final int AGENT_PORT = NodeConfig.DEFAULT_AGENT_PORT;
  private final Sky4jPaths paths;

  private final LocalCloudDisk disk;

  LocalLayout(Sky4jPaths paths) {
    this.paths = paths;
    this.disk = new LocalCloudDisk(paths.sky4jHome());
  }

  interface Locked<T> {
    T run() throws IOException, ProvisionException;
  }

  /** The tree and its lock, shared with nodes that stop themselves (autostop). */
  LocalCloudDisk disk() {
    return disk;
  }

  <T> T locked(Locked<T> action) throws IOException, ProvisionException {
    return disk.<T, ProvisionException>locked(action::run);
  }

  Path clusterDir(String cluster) {
    return paths.localCloudDir().resolve(cluster);
  }

  Path nodeHome(String cluster, int rank) {
    return clusterDir(cluster).resolve("node-" + rank);
  }

  List<Path> nodeHomes(String cluster) {
    return disk.nodeHomes(cluster);
  }

  /** Every node that holds capacity: any state but TERMINATED (a stopped node keeps its disk). */
  List<NodeConfig> liveNodes() {
    List<NodeConfig> out = new ArrayList<>();
    Path dir = paths.localCloudDir();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> clusters = Files.list(dir)) {
      for (Path c : clusters.toList()) {
        for (Path h : nodeHomes(c.getFileName().toString())) {
          if (LocalProvider.state(h) != NodeState.TERMINATED) {
            out.add(NodeConfig.read(h));
          }
        }
      }
    } catch (IOException e) {
      // an unreadable node holds no capacity
    }
    return out;
  }

  LocalProvider.Usage usage(LocalCloudConfig.Zone z) {
    int nodes = 0;
    int gpus = 0;
    for (NodeConfig n : liveNodes()) {
      if (n.region().equals(z.region()) && n.zone().equals(z.zone())) {
        nodes++;
        gpus += n.gpuDevices().size();
      }
    }
    return new LocalProvider.Usage(nodes, gpus);
  }

  /**
   * Device ids for each new node, or null when the host lacks free GPUs. Real GPUs are exclusive
   * to one node; simulated ones are per node ({@code 0..n-1}), limited only by zone capacity.
   */
  List<List<String>> assignGpus(List<Gpu> host, InstanceTypes.Shape shape, int numNodes) {
    List<List<String>> out = new ArrayList<>();
    if (shape.gpus() == 0) {
      for (int i = 0; i < numNodes; i++) {
        out.add(List.of());
      }
      return out;
    }
    List<Gpu> named = host.stream().filter(g -> g.name().equals(shape.gpuName())).toList();
    if (named.isEmpty()) {
      return null;
    }
    if (named.get(0).simulated()) {
      for (int i = 0; i < numNodes; i++) {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < shape.gpus(); k++) {
          ids.add(Integer.toString(k));
        }
        out.add(ids);
      }
      return out;
    }
    Set<String> taken = new HashSet<>();
    liveNodes().forEach(n -> {
      if (!n.gpusSimulated()) {
        taken.addAll(n.gpuDevices());
      }
    });
    List<String> free = named.stream().map(g -> Integer.toString(g.index()))
        .filter(i -> !taken.contains(i)).toList();
    if (free.size() < shape.gpus() * numNodes) {
      return null;
    }
    for (int i = 0; i < numNodes; i++) {
      out.add(free.subList(i * shape.gpus(), (i + 1) * shape.gpus()));
    }
    return out;
  }

  List<NodeConfig> allocateNodes(ProvisionRequest req, LocalCloudConfig.Zone zone,
      InstanceTypes.Shape shape, List<List<String>> devices, Path authorizedKeys,
      LocalCloudConfig config, boolean simulated) throws IOException {
    Set<String> usedIps = new HashSet<>();
    liveNodes().forEach(n -> usedIps.add(n.ip()));
    List<NodeConfig> nodes = new ArrayList<>();
    List<String> peers = new ArrayList<>();
    for (int r = 0; r < req.numNodes(); r++) {
      String[] addr = address(usedIps);
      usedIps.add(addr[0] + ":" + addr[1]);
      peers.add(addr[0] + ":" + addr[2]);
      nodes.add(new NodeConfig(req.cluster(), "node-" + r, r, addr[0], Integer.parseInt(addr[1]),
          Integer.parseInt(addr[2]), authorizedKeys, "local", zone.region(), zone.zone(),
          devices.get(r), shape.gpuName() == null ? "" : shape.gpuName(), simulated && shape.gpus() > 0,
          config.nodeCpus(), List.of(), System.getProperty("user.name"), req.spot(),
          req.spot() ? config.chaosMeanSeconds() : 0));
    }
    return nodes.stream().map(n -> n.withPeers(peers)).toList();
  }

  /**
   * A distinct loopback address 127.A.B.C with the usual ports, so each node looks like its own
   * machine; where such addresses cannot be bound (not Linux), 127.0.0.1 with free ports.
   */
  private static String[] address(Set<String> used) {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 50; attempt++) {
      String ip = "127." + rnd.nextInt(16, 250) + "." + rnd.nextInt(1, 255) + "." + rnd.nextInt(1, 255);
      if (!used.contains(ip) && bindable(ip, SSH_PORT) && bindable(ip, AGENT_PORT)) {
        return new String[] {ip, Integer.toString(SSH_PORT), Integer.toString(AGENT_PORT)};
      }
    }
    return new String[] {"127.0.0.1", Integer.toString(freePort()), Integer.toString(freePort())};
  }

  private static boolean bindable(String ip, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(ip), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on the loopback address", e);
    }
  }

  void writeCluster(ProvisionRequest req, LocalCloudConfig.Zone zone, List<NodeConfig> nodes)
      throws IOException {
    Path dir = clusterDir(req.cluster());
    Files.createDirectories(dir);
    Properties p = new Properties();
    p.setProperty("instanceType", req.instanceType());
    p.setProperty("region", zone.region());
    p.setProperty("zone", zone.zone());
    p.setProperty("spot", Boolean.toString(req.spot()));
    try (Writer w = Files.newBufferedWriter(dir.resolve("cluster.properties"))) {
      p.store(w, "sky4j local cluster " + req.cluster());
    }
    for (NodeConfig n : nodes) {
      Path home = nodeHome(req.cluster(), n.rank());
      Files.createDirectories(home);
      n.write(home);
    }
  }

  private Properties cluster(String cluster) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(clusterDir(cluster).resolve("cluster.properties"))) {
      p.load(r);
    } catch (IOException e) {
      // unknown cluster: empty answers
    }
    return p;
  }

  String region(String cluster) {
    return cluster(cluster).getProperty("region", "");
  }

  String zone(String cluster) {
    return cluster(cluster).getProperty("zone", "");
  }

  String instanceType(String cluster) {
    return cluster(cluster).getProperty("instanceType", "");
  }

  boolean spot(String cluster) {
    return Boolean.parseBoolean(cluster(cluster).getProperty("spot", "false"));
  }

  static void deleteTree(Path root) throws IOException {
    LocalCloudDisk.deleteTree(root);
  }
}
