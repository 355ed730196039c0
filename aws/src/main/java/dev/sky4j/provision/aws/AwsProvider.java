package dev.sky4j.provision.aws;

import dev.sky4j.catalog.Offer;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.Capability;
import dev.sky4j.provision.CheckResult;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeInfo;
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.Provider;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.provision.ProvisionRequest;
import dev.sky4j.provision.aws.s3.NodeRole;
import dev.sky4j.provision.bootstrap.BootstrapTarget;
import dev.sky4j.provision.bootstrap.OpenSshBootstrap;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.server.Version;
import dev.sky4j.ssh.AgentSecrets;
import dev.sky4j.ssh.KeyManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * EC2 behind the provider verbs. Instances are found by their tags ({@link InstanceTags}), so
 * nothing here depends on the server's state; the region of each cluster is remembered in
 * {@link RegionIndex} only to avoid asking every region. SSH reaches the nodes with the user's
 * sky4j key installed by cloud-init ({@link UserData}); the agent is installed over OpenSSH by
 * {@link #bootstrap}.
 */
public final class AwsProvider implements Provider {
  private static final Logger LOG = LoggerFactory.getLogger(AwsProvider.class);
  private final Sky4jPaths paths;
  private final AwsConfig config;
  private final Ec2Clients clients;
  private final SimHosts sim;
  private final Images images;
  private final RegionIndex regions;
  private final AgentSecrets secrets;
  private final Launcher launcher = new Launcher(Throttling.standard());
  private final String user = System.getProperty("user.name");
  private final Supplier<NodeRole> nodeRoles;
  private volatile NodeRole nodeRole;

  public AwsProvider(Sky4jPaths paths, AwsConfig config, Ec2Clients clients, SimHosts sim) {
    this(paths, config, clients, sim, null);
  }

  /** {@code nodeRoles} gives the role whose instance profile the nodes get (null: none). */
  public AwsProvider(Sky4jPaths paths, AwsConfig config, Ec2Clients clients, SimHosts sim,
      Supplier<NodeRole> nodeRoles) {
    this.nodeRoles = nodeRoles;
    this.paths = paths;
    this.config = config;
    this.clients = clients;
    this.sim = sim;
    this.images = new Images(clients::ec2);
    this.regions = new RegionIndex(paths.sky4jHome().resolve("aws").resolve("regions.properties"));
    this.secrets = new AgentSecrets(paths);
  }

  @Override
  public String cloud() {
    return "aws";
  }

  @Override
  public CheckResult check() {
    return AwsCheck.run(clients);
  }

  /** AWS's instance types and prices come from the bundled catalog. */
  @Override
  public List<Offer> offers() {
    return List.of();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.STOP, Capability.SPOT, Capability.OPEN_PORTS,
        Capability.CUSTOM_IMAGES, Capability.OPENSSH_NODES);
  }

  @Override
  public void checkSupported(ProvisionRequest req) throws ProvisionException.Unsupported {
    try {
      Disks.tier(req.diskTier());
      req.ports().forEach(SecurityGroups::range);
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("resources.ports") ? "resources.ports"
          : "resources.disk_tier";
      throw new ProvisionException.Unsupported(field, e.getMessage());
    }
    if (req.diskSizeGb() != null && req.diskSizeGb() < 8) {
      throw new ProvisionException.Unsupported("resources.disk_size", "resources.disk_size: "
          + req.diskSizeGb() + " GB is too small for an Ubuntu image; ask for 8 GB or more");
    }
  }

  @Override
  public ClusterInfo runInstances(ProvisionRequest req) throws ProvisionException {
    Ec2Client ec2 = clients.ec2(req.region());
    try {
      List<Instance> live = Instances.ofCluster(ec2, req.cluster(), true);
      regions.put(req.cluster(), req.region());
      if (!live.isEmpty()) {
        resume(req, live);
      }
      if (live.size() < req.numNodes()) {
        create(req, live.size());
      }
      if (live.isEmpty()) {
        secrets.create(req.cluster());
      } else {
        secrets.getOrCreate(req.cluster());
      }
    } catch (SdkException e) {
      throw AwsErrors.classify(e, req.region(), req.zone());
    } catch (IOException e) {
      throw new UncheckedIOException("aws: " + e.getMessage(), e);
    }
    return getClusterInfo(req.cluster()).orElseThrow(() -> new ProvisionException
        .CapacityUnavailable(req.region(), req.zone(), "EC2 lists no instance of "
            + req.cluster() + " right after launching it; try again"));
  }

  /** Starts the stopped nodes (same instances, same disks); waits out any still stopping. */
  private void resume(ProvisionRequest req, List<Instance> live) throws ProvisionException {
    Ec2Client ec2 = clients.ec2(req.region());
    List<String> stopped = new ArrayList<>();
    for (Instance i : live) {
      NodeState s = Instances.state(i);
      if (s == NodeState.STOPPING) {
        ec2.waiter().waitUntilInstanceStopped(b -> b.instanceIds(i.instanceId()));
        stopped.add(i.instanceId());
      } else if (s == NodeState.STOPPED) {
        stopped.add(i.instanceId());
      }
    }
    if (!stopped.isEmpty()) {
      try {
        Throttling.standard().call(() ->
            clients.ec2FailFast(req.region()).startInstances(b -> b.instanceIds(stopped)));
      } catch (SdkException e) {
        throw AwsErrors.classify(e, req.region(), live.get(0).placement().availabilityZone());
      }
    }
  }

  private void create(ProvisionRequest req, int have) throws ProvisionException, IOException {
    Ec2Client ec2 = clients.ec2(req.region());
    Images.Resolved image = images.resolve(req.region(), req.imageId());
    Network.Placement net = Network.resolve(ec2, req.region(), req.zone(), config);
    String group;
    try {
      group = req.ports().isEmpty()
          ? SecurityGroups.ensure(ec2, net.vpcId(), SecurityGroups.userGroupName(user, config),
              user, List.of(), config.securityGroupName() != null)
          : SecurityGroups.ensure(ec2, net.vpcId(), SecurityGroups.clusterGroupName(req.cluster()),
              user, req.ports(), false);
    } catch (IllegalArgumentException e) {
      throw new ProvisionException.InvalidRequest(e.getMessage());
    }
    KeyManager.KeyFiles keys = KeyManager.ensure(paths);
    String version = Version.current();
    var common = InstanceTags.forNode(req.cluster(), 0, user, version, req.labels(), config.labels())
        .stream().filter(t -> !t.key().equals(InstanceTags.RANK) && !t.key().equals("Name")
            && !t.key().equals(InstanceTags.NODE)).toList();
    Launcher.Plan plan = new Launcher.Plan(image.imageId(), image.rootDevice(), net, group,
        UserData.base64(UserData.cloudInit(config.sshUser(), keys.publicKeyLine())), common,
        !config.useInternalIps(), config.diskEncrypted(), nodeProfile());
    launcher.create(clients.ec2FailFast(req.region()), ec2, req, plan, have,
        req.numNodes() - have, rank -> InstanceTags.forNode(req.cluster(), rank, user, version,
            req.labels(), config.labels()).stream().filter(t -> t.key().equals(InstanceTags.RANK)
                || t.key().equals("Name") || t.key().equals(InstanceTags.NODE)).toList());
  }

  /**
   * The instance profile of sky4j's node role (created once; see s3.NodeRole), or null when this
   * account won't let us create it: the cluster still launches, only bucket mounts can't reach S3.
   */
  private String nodeProfile() {
    if (nodeRoles == null) {
      return null;
    }
    try {
      NodeRole role = nodeRole;
      if (role == null) {
        role = nodeRole = nodeRoles.get();
      }
      role.ensure();
      return NodeRole.NAME;
    } catch (RuntimeException e) {
      LOG.warn("aws: no instance profile for the nodes (" + e.getMessage()
          + "); S3 bucket mounts will not work on this cluster. Grant iam:CreateRole, "
          + "iam:CreateInstanceProfile, iam:AddRoleToInstanceProfile, iam:PassRole (docs/storage.md).");
      return null;
    }
  }

  @Override
  public void waitInstances(String cluster, Duration timeout) throws ProvisionException {
    new SshWait(this::getClusterInfo).await(cluster, region(cluster), timeout);
  }

  @Override
  public void bootstrap(ClusterInfo c, RequestLog log) throws IOException {
    List<BootstrapTarget> targets = new ArrayList<>();
    for (NodeInfo n : c.nodes()) {
      targets.add(new BootstrapTarget(n.id(), n.rank(), n.sshHost(), n.sshPort(), c.sshUser(),
          c.privateKey(), c.proxyCommand(), n.internalIp(), n.agentPort()));
    }
    new OpenSshBootstrap(paths).install(c.cluster(), targets, log);
  }

  /** ModifyInstanceAttribute on each on-demand node (spot always terminates itself). */
  @Override
  public void setShutdownTerminates(String cluster, boolean terminate) throws ProvisionException {
    String region = region(cluster);
    if (region == null) {
      return;
    }
    Ec2Client ec2 = clients.ec2(region);
    try {
      for (Instance i : Instances.ofCluster(ec2, cluster, true)) {
        if (!"spot".equals(i.instanceLifecycleAsString())) {
          // the Attribute/Value form: EC2 takes both, moto only this one
          ec2.modifyInstanceAttribute(b -> b.instanceId(i.instanceId())
              .attribute(software.amazon.awssdk.services.ec2.model.InstanceAttributeName
                  .INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR)
              .value(terminate ? "terminate" : "stop"));
        }
      }
    } catch (SdkException e) {
      throw AwsErrors.classify(e, region, null);
    }
  }

  @Override
  public Map<String, NodeState> queryInstances(String cluster) {
    String region = region(cluster);
    Map<String, NodeState> out = new LinkedHashMap<>();
    if (region == null) {
      return out;
    }
    for (Instance i : Instances.ofCluster(clients.ec2(region), cluster, false)) {
      out.put(i.instanceId(), Instances.state(i));
    }
    return out;
  }

  @Override
  public void stopInstances(String cluster, boolean workersOnly) throws ProvisionException {
    String region = region(cluster);
    if (region == null) {
      return;
    }
    List<String> ids = liveIds(region, cluster, workersOnly);
    if (ids.isEmpty()) {
      return;
    }
    try {
      clients.ec2(region).stopInstances(b -> b.instanceIds(ids));
    } catch (SdkException e) {
      ProvisionException p = AwsErrors.classify(e, region, null);
      throw new ProvisionException.InvalidRequest("cannot stop " + cluster + ": " + p.getMessage()
          + (AwsErrors.code(e) != null && AwsErrors.code(e).startsWith("Unsupported")
              ? " (spot instances cannot be stopped: use sky down " + cluster + ")" : ""));
    }
  }

  @Override
  public void terminateInstances(String cluster, boolean workersOnly) throws ProvisionException {
    String region = region(cluster);
    if (region == null) {
      return;
    }
    Ec2Client ec2 = clients.ec2(region);
    try {
      List<Instance> live = Instances.ofCluster(ec2, cluster, true).stream()
          .filter(i -> !workersOnly || InstanceTags.rank(i) > 0).toList();
      List<String> ids = live.stream().map(Instance::instanceId).toList();
      if (!ids.isEmpty()) {
        ec2.terminateInstances(b -> b.instanceIds(ids));
      }
      if (workersOnly) {
        return;
      }
      if (!ids.isEmpty()) {
        // a group can be deleted only once no interface of a terminating instance is in it
        ec2.waiter().waitUntilInstanceTerminated(b -> b.instanceIds(ids));
      }
      List<String> groups = Instances.groupIds(live);
      if (!groups.isEmpty()) {
        // a filter, not ids: a group another down deleted meanwhile is simply not listed
        for (SecurityGroup g : ec2.describeSecurityGroups(b -> b.filters(software.amazon.awssdk
            .services.ec2.model.Filter.builder().name("group-id").values(groups).build()))
            .securityGroups()) {
          SecurityGroups.deleteIfUnused(ec2, g, 120_000);
        }
      }
      secrets.delete(cluster);
      regions.remove(cluster);
    } catch (SdkException e) {
      throw AwsErrors.classify(e, region, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<ClusterInfo> getClusterInfo(String cluster) {
    String region = region(cluster);
    if (region == null) {
      return Optional.empty();
    }
    List<Instance> live = Instances.ofCluster(clients.ec2(region), cluster, true);
    return live.isEmpty() ? Optional.empty() : Optional.of(info(cluster, region, live));
  }

  private ClusterInfo info(String cluster, String region, List<Instance> live) {
    List<NodeInfo> nodes = live.stream()
        .map(i -> Instances.node(i, config.useInternalIps(), sim)).toList();
    Instance head = live.get(0);
    return new ClusterInfo(cluster, "aws", region, head.placement().availabilityZone(),
        head.instanceTypeAsString(), nodes, config.sshUser(),
        paths.keysDir().resolve(KeyManager.KEY_NAME), config.proxyCommand(region));
  }

  /**
   * Every region the account has enabled, asked for this user's tagged instances; the regions
   * are asked in parallel (a server start with AWS enabled must not take a second per region).
   */
  @Override
  public List<ClusterInfo> listClusters() {
    List<Region> all = clients.ec2(clients.defaultRegion()).describeRegions().regions();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.min(8, Math.max(1, all.size())));
    try {
      List<java.util.concurrent.Future<List<ClusterInfo>>> each = new ArrayList<>();
      for (Region r : all) {
        each.add(pool.submit(() -> clustersIn(r.regionName())));
      }
      List<ClusterInfo> out = new ArrayList<>();
      for (var f : each) {
        try {
          out.addAll(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          // a region this account cannot use (not opted in): nothing of ours is there
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<ClusterInfo> clustersIn(String region) {
    Map<String, List<Instance>> byCluster = new LinkedHashMap<>();
    for (Instance i : Instances.describe(clients.ec2(region), List.of(InstanceTags.anyCluster(),
        InstanceTags.user(user), software.amazon.awssdk.services.ec2.model.Filter.builder()
            .name("instance-state-name").values(Instances.LIVE).build()))) {
      byCluster.computeIfAbsent(InstanceTags.get(i, InstanceTags.CLUSTER), k -> new ArrayList<>())
          .add(i);
    }
    List<ClusterInfo> out = new ArrayList<>();
    byCluster.forEach((cluster, is) -> {
      regions.put(cluster, region);
      out.add(info(cluster, region, Instances.newestPerRank(is)));
    });
    return out;
  }

  @Override
  public void openPorts(String cluster, List<String> ports) throws ProvisionException {
    String region = region(cluster);
    if (region == null || ports.isEmpty()) {
      return;
    }
    Ec2Client ec2 = clients.ec2(region);
    List<Instance> live = Instances.ofCluster(ec2, cluster, true);
    if (live.isEmpty()) {
      return;
    }
    String vpc = live.get(0).vpcId();
    String id = SecurityGroups.ensure(ec2, vpc, SecurityGroups.clusterGroupName(cluster), user,
        ports, false);
    for (Instance i : live) {
      List<String> groups = new ArrayList<>(Instances.groupIds(List.of(i)));
      if (!groups.contains(id)) {
        groups.add(id);
        ec2.modifyInstanceAttribute(b -> b.instanceId(i.instanceId()).groups(groups));
      }
    }
  }

  @Override
  public void closePorts(String cluster) throws ProvisionException {
    String region = region(cluster);
    if (region == null) {
      return;
    }
    Ec2Client ec2 = clients.ec2(region);
    for (SecurityGroup g : ec2.describeSecurityGroups(b -> b.filters(
        software.amazon.awssdk.services.ec2.model.Filter.builder().name("group-name")
            .values(SecurityGroups.clusterGroupName(cluster)).build())).securityGroups()) {
      SecurityGroups.deleteIfUnused(ec2, g, 120_000);
    }
  }

  private List<String> liveIds(String region, String cluster, boolean workersOnly) {
    return Instances.ofCluster(clients.ec2(region), cluster, true).stream()
        .filter(i -> !workersOnly || InstanceTags.rank(i) > 0)
        .filter(i -> Instances.state(i) == NodeState.RUNNING || Instances.state(i) == NodeState.PENDING)
        .map(Instance::instanceId).toList();
  }

  private String region(String cluster) {
    return regions.get(cluster);
  }
}
