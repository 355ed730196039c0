package dev.sky4j.provision.local;

import dev.sky4j.agent.NodeConfig;
import dev.sky4j.agent.NodeMain;
import dev.sky4j.agent.autostop.Autostopper;
import dev.sky4j.agent.fs.Namespaces;
import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.agent.local.PreemptionNotice;
import dev.sky4j.catalog.Offer;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.spec.Names;
import dev.sky4j.provision.Capability;
import dev.sky4j.provision.CheckResult;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeInfo;
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.provision.ProvisionRequest;
import dev.sky4j.provision.Provider;
import dev.sky4j.ssh.AgentSecrets;
import dev.sky4j.ssh.KeyManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded local cloud: every node is a separate process on this machine (MINA sshd + agent)
 * with its own loopback address and home folder {@code $SKY4J_HOME/local/<cluster>/<node>}.
 * Stop keeps the home, start brings the same node back, terminate deletes it, and a spot node
 * can be preempted (killed as a cloud would). Zones have capacities, so failover is real.
 */
public final class LocalProvider implements Provider {
  private final Sky4jPaths paths;
  private final LocalCloudConfig config;
  private final List<Gpu> gpus;
  private final LocalLayout layout;
  private final AgentSecrets secrets;

  public LocalProvider(Sky4jPaths paths) throws IOException {
    this(paths, LocalCloudConfig.load(paths.localCloudConfig()));
  }

  public LocalProvider(Sky4jPaths paths, LocalCloudConfig config) {
    this.paths = paths;
    this.config = config;
    this.gpus = GpuInventory.detect(config.simulatedGpus());
    this.layout = new LocalLayout(paths);
    this.secrets = new AgentSecrets(paths);
  }

  @Override
  public String cloud() {
    return "local";
  }

  public List<Gpu> gpus() {
    return gpus;
  }

  public LocalCloudConfig config() {
    return config;
  }

  @Override
  public CheckResult check() {
    String gpuText = gpus.isEmpty() ? "no GPUs"
        : gpus.size() + " x " + gpus.get(0).label();
    return new CheckResult("local", true, "nodes run as processes on this machine (" + gpuText
        + "); private filesystem per node: " + Namespaces.availability().describe());
  }

  @Override
  public Set<Capability> capabilities() {
    // OPEN_PORTS: a local node answers on every port of its own address already
    return EnumSet.of(Capability.STOP, Capability.SPOT, Capability.OPEN_PORTS,
        Capability.HOST_BUCKETS, Capability.PREEMPT_ON_DEMAND);
  }

  /**
   * Nodes are processes on this machine: there is no machine image to boot. {@code disk_size}
   * and {@code ports} are honoured as they are (nodes use this machine's disk, and listen on
   * their own loopback address on every port).
   */
  @Override
  public void checkSupported(ProvisionRequest req) throws ProvisionException.Unsupported {
    if (req.imageId() != null) {
      throw new ProvisionException.Unsupported("resources.image_id", "resources.image_id: the "
          + "local cloud runs nodes as processes on this machine and boots no image; remove "
          + "image_id, or pick a cloud with images (e.g. infra: aws/us-east-1)");
    }
  }

  @Override
  public List<Offer> offers() {
    List<Offer> out = new ArrayList<>();
    for (LocalCloudConfig.Zone z : config.zones()) {
      out.add(new Offer("local", InstanceTypes.CPU, null, 0, config.nodeCpus(),
          config.nodeMemoryGib(), 0, 0, 0, z.region(), z.zone(), null));
      Map<String, Long> byName = new LinkedHashMap<>();
      gpus.forEach(g -> byName.merge(g.name(), 1L, Long::sum));
      for (Map.Entry<String, Long> e : byName.entrySet()) {
        Gpu g = gpus.stream().filter(x -> x.name().equals(e.getKey())).findFirst().orElseThrow();
        for (int n = 1; n <= Math.min(e.getValue(), z.gpus()); n *= 2) {
          out.add(new Offer("local", InstanceTypes.gpu(e.getKey(), n), e.getKey(), n,
              config.nodeCpus(), config.nodeMemoryGib(), g.memoryMib() / 1024.0, 0, 0,
              z.region(), z.zone(), null));
        }
      }
    }
    return out;
  }

  @Override
  public ClusterInfo runInstances(ProvisionRequest req) throws ProvisionException {
    // the engine checked the name already; this guards the folder name for direct SPI callers
    if (!Names.isValidClusterName(req.cluster())) {
      throw new ProvisionException.InvalidRequest(Names.clusterNameProblem(req.cluster()));
    }
    try {
      return layout.locked(() -> {
        List<Path> existing = layout.nodeHomes(req.cluster());
        if (!existing.isEmpty()) {
          return resume(req, existing);
        }
        return create(req);
      });
    } catch (IOException e) {
      throw new UncheckedIOException("local cloud: " + e.getMessage(), e);
    }
  }

  private ClusterInfo resume(ProvisionRequest req, List<Path> homes)
      throws IOException, ProvisionException {
    if (req.numNodes() > homes.size()) {
      throw new ProvisionException.InvalidRequest("cluster " + req.cluster() + " has "
          + homes.size() + " node(s), the request asks for " + req.numNodes()
          + ": use `sky down " + req.cluster() + "` first or launch another cluster");
    }
    AgentSecret secret = secrets.getOrCreate(req.cluster());
    for (Path home : homes) {
      if (NodeProcess.find(home).isEmpty()) {
        secret.write(NodeConfig.agentDir(home).resolve(AgentSecret.FILE));
        NodeProcess.start(home);
      }
    }
    return getClusterInfo(req.cluster()).orElseThrow();
  }

  private ClusterInfo create(ProvisionRequest req) throws IOException, ProvisionException {
    InstanceTypes.Shape shape = InstanceTypes.parse(req.instanceType());
    if (shape == null) {
      throw new ProvisionException.InvalidRequest("the local cloud has no instance type '"
          + req.instanceType() + "': use local-cpu or local-gpu-<GPU>-<N> (see `sky show-gpus`)");
    }
    List<LocalCloudConfig.Zone> zones = config.zonesOf(req.region());
    if (zones.isEmpty()) {
      throw new ProvisionException.InvalidRequest("the local cloud has no region '" + req.region()
          + "': use region-a or region-b");
    }
    if (req.zone() != null) {
      zones = zones.stream().filter(z -> z.zone().equals(req.zone())).toList();
      if (zones.isEmpty()) {
        throw new ProvisionException.InvalidRequest("region " + req.region() + " has no zone '"
            + req.zone() + "': use zone-1 or zone-2");
      }
    }
    Placement placement = null;
    String why = null;
    for (LocalCloudConfig.Zone z : zones) {
      Usage u = layout.usage(z);
      int needGpus = shape.gpus() * req.numNodes();
      if (u.nodes() + req.numNodes() > z.nodes()) {
        why = z.id() + " has " + (z.nodes() - u.nodes()) + " of " + z.nodes() + " node(s) free";
      } else if (u.gpus() + needGpus > z.gpus()) {
        why = z.id() + " has " + (z.gpus() - u.gpus()) + " of " + z.gpus() + " GPU(s) free";
      } else {
        placement = new Placement(z, u);
        break;
      }
    }
    if (placement == null) {
      throw new ProvisionException.CapacityUnavailable(req.region(),
          req.zone(), "no capacity for " + req.numNodes() + " x " + req.instanceType() + ": " + why
          + "; try another zone or region, or raise the capacity in " + paths.localCloudConfig());
    }
    List<List<String>> devices = layout.assignGpus(gpus, shape, req.numNodes());
    if (devices == null) {
      throw new ProvisionException.CapacityUnavailable(req.region(), placement.zone().zone(),
          "not enough free " + shape.gpuName() + " GPUs on this host for " + req.numNodes()
          + " node(s) x " + shape.gpus() + ": stop a GPU cluster or ask for fewer GPUs");
    }
    KeyManager.KeyFiles keys = KeyManager.ensure(paths);
    List<NodeConfig> nodes = layout.allocateNodes(req, placement.zone(), shape, devices,
        keys.publicKey(), config, gpus.stream().anyMatch(Gpu::simulated));
    layout.writeCluster(req, placement.zone(), nodes);
    AgentSecret secret = secrets.create(req.cluster());
    for (NodeConfig n : nodes) {
      Path home = layout.nodeHome(req.cluster(), n.rank());
      // a file the node reads at start: a command line or environment would show it to `ps`
      secret.write(NodeConfig.agentDir(home).resolve(AgentSecret.FILE));
      NodeProcess.start(home);
    }
    return getClusterInfo(req.cluster()).orElseThrow();
  }

  private record Placement(LocalCloudConfig.Zone zone, Usage usage) {}

  /** Nodes and GPUs a zone already holds. */
  record Usage(int nodes, int gpus) {}

  /** The end of a dead node's log, so the error says why without opening the file. */
  private static String lastLines(Path log) {
    try {
      List<String> lines = java.nio.file.Files.readAllLines(log);
      List<String> tail = lines.subList(Math.max(0, lines.size() - 6), lines.size());
      String text = String.join("\n  ", tail).strip();
      return text.isEmpty() ? "" : "\n  " + (text.length() > 1200 ? text.substring(text.length() - 1200) : text);
    } catch (java.io.IOException | RuntimeException e) {
      return "";
    }
  }

  @Override
  public void waitInstances(String cluster, Duration timeout) throws ProvisionException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Path> homes = layout.nodeHomes(cluster);
    if (homes.isEmpty()) {
      throw new ProvisionException.InvalidRequest("no local cluster named " + cluster);
    }
    long startedWaiting = System.nanoTime();
    while (true) {
      boolean all = true;
      for (Path h : homes) {
        if (NodeProcess.ready(h)) {
          continue;
        }
        all = false;
        // a node that died while starting will not come up: say why now, not at the timeout
        if (NodeProcess.find(h).isEmpty() && System.nanoTime() - startedWaiting > 2_000_000_000L) {
          throw new ProvisionException.CapacityUnavailable(layout.region(cluster), layout.zone(cluster),
              "node " + h.getFileName() + " of " + cluster + " exited while starting; its log: "
              + NodeConfig.agentDir(h).resolve("node.log") + lastLines(NodeConfig.agentDir(h).resolve("node.log")));
        }
      }
      if (all && System.nanoTime() - startedWaiting >= (long) (config.nodeBootSeconds() * 1e9)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new ProvisionException.CapacityUnavailable(layout.region(cluster), layout.zone(cluster),
            cluster + " did not accept SSH within " + timeout.toSeconds() + " s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProvisionException.InvalidRequest("interrupted while waiting for " + cluster);
      }
    }
  }

  @Override
  public Map<String, NodeState> queryInstances(String cluster) {
    Map<String, NodeState> out = new LinkedHashMap<>();
    for (Path h : layout.nodeHomes(cluster)) {
      out.put(h.getFileName().toString(), state(h));
    }
    return out;
  }

  static NodeState state(Path home) {
    Path agentDir = NodeConfig.agentDir(home);
    if (NodeProcess.find(home).isPresent()) {
      if (Files.exists(agentDir.resolve(Autostopper.MARKER_FILE))) {
        return NodeState.STOPPING; // the head is autostopping its cluster (hooks, then stop)
      }
      return Files.exists(agentDir.resolve(NodeMain.READY_FILE)) ? NodeState.RUNNING : NodeState.PENDING;
    }
    if (Files.exists(agentDir.resolve(NodeMain.PREEMPTED_FILE))) {
      return NodeState.TERMINATED;
    }
    return Files.exists(agentDir.resolve(NodeProcess.STOPPED_FILE)) ? NodeState.STOPPED : NodeState.TERMINATED;
  }

  @Override
  public void stopInstances(String cluster, boolean workersOnly) throws ProvisionException {
    try {
      layout.disk().stop(cluster, workersOnly);
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop " + cluster + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void terminateInstances(String cluster, boolean workersOnly) throws ProvisionException {
    try {
      layout.disk().terminate(cluster, workersOnly);
      if (!workersOnly) {
        secrets.delete(cluster);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + cluster + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reclaims a spot node as a cloud would: first a notice (the node runs its {@code preemption}
   * hooks, cut off at the notice window, {@link PreemptionNotice}), then its process and job
   * trees are killed, and it reports TERMINATED. {@code rank} null means the head.
   */
  @Override
  public void preempt(String cluster, Integer rank) throws ProvisionException {
    if (!layout.spot(cluster)) {
      throw new ProvisionException.InvalidRequest(cluster + " is not a spot cluster; only "
          + "use_spot nodes can be preempted");
    }
    List<Path> homes = layout.nodeHomes(cluster);
    int r = rank == null ? 0 : rank;
    if (r < 0 || r >= homes.size()) {
      throw new ProvisionException.InvalidRequest(cluster + " has nodes 0.." + (homes.size() - 1)
          + "; there is no node " + r);
    }
    Path home = homes.get(r);
    notice(home, PreemptionNotice.windowMillis(paths.sky4jHome()));
    try {
      Files.writeString(NodeConfig.agentDir(home).resolve(NodeMain.PREEMPTED_FILE), "admin\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    NodeProcess.killHard(home);
  }

  /**
   * Tells the node it is about to be reclaimed and waits until its preemption hooks are done,
   * at most the window (plus 2 s for cutting the hooks off and the answer): the kill comes then regardless, and a
   * node that does not answer gets no notice, as a hung VM would not act on one.
   */
  private static void notice(Path home, long windowMillis) {
    try {
      NodeConfig c = NodeConfig.read(home);
      // the cloud itself knocks: it can read the secret on the node's disk
      new HttpJsonClient(c.ip(), c.agentPort(), AgentSecret.ofNode(NodeConfig.agentDir(home)))
          .post("/preemption-notice", Map.of("windowMillis", windowMillis), (int) Math.min(Integer.MAX_VALUE, windowMillis + 2000));
    } catch (IOException | RuntimeException e) {
      // killed without notice
    }
  }

  @Override
  public Optional<ClusterInfo> getClusterInfo(String cluster) {
    List<Path> homes = layout.nodeHomes(cluster);
    if (homes.isEmpty()) {
      return Optional.empty();
    }
    List<NodeInfo> nodes = new ArrayList<>();
    NodeConfig head = null;
    for (Path h : homes) {
      try {
        NodeConfig c = NodeConfig.read(h);
        head = head == null ? c : head;
        nodes.add(new NodeInfo(h.getFileName().toString(), c.rank(), c.ip(), c.ip(), c.sshPort(), state(h),
            c.agentPort()));
      } catch (IOException e) {
        // a node being deleted concurrently: leave it out
      }
    }
    nodes.sort(Comparator.comparingInt(NodeInfo::rank));
    return Optional.of(new ClusterInfo(cluster, "local", layout.region(cluster), layout.zone(cluster),
        layout.instanceType(cluster), nodes, System.getProperty("user.name"),
        paths.keysDir().resolve(KeyManager.KEY_NAME)));
  }

  /**
   * The folder that plays the bucket {@code name} on this cloud: outside every node, so it
   * outlives clusters and is shared by all their nodes.
   */
  @Override
  public Path hostBucket(String name) throws IOException {
    return bucket(name);
  }

  /** The bucket folder (see {@link #hostBucket}). */
  public Path bucket(String name) throws IOException {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
      throw new IllegalArgumentException("storage name '" + name + "' is not a valid bucket name: "
          + "use letters, digits, '.', '_' and '-' (at most 63)");
    }
    return Files.createDirectories(paths.sky4jHome().resolve("buckets").resolve(name));
  }

  @Override
  public List<ClusterInfo> listClusters() {
    return clusters().stream().map(this::getClusterInfo).flatMap(Optional::stream).toList();
  }

  /** The clusters the local cloud holds now (any state). */
  public List<String> clusters() {
    Path dir = paths.localCloudDir();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
