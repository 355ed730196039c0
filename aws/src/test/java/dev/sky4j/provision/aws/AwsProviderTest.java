package dev.sky4j.provision.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.ProvisionRequest;
import dev.sky4j.ssh.KeyManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

/** The EC2 provider's verbs against a real moto server, checked through moto's own API. */
class AwsProviderTest {
  private static MotoServer moto;
  @TempDir Path root;
  private Ec2Client raw;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = MotoServer.start();
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void freshAccount() throws Exception {
    moto.reset();
  }

  private static ProvisionRequest request(String cluster, int nodes, boolean spot) {
    return new ProvisionRequest(cluster, "us-east-1", null, "m5.large", nodes, spot, null, 0,
        Map.of("team", "ml", "sky4j-cluster", cluster), 100, "high", List.of(), null, false);
  }

  private List<Instance> instances(String cluster, String... states) {
    var filters = new java.util.ArrayList<>(List.of(
        Filter.builder().name("tag:sky4j-cluster").values(cluster).build()));
    if (states.length > 0) {
      filters.add(Filter.builder().name("instance-state-name").values(states).build());
    }
    return raw.describeInstances(b -> b.filters(filters)).reservations().stream()
        .flatMap(r -> r.instances().stream()).toList();
  }

  private static Map<String, String> tags(Instance i) {
    return i.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
  }

  @Test
  void twoNodeSpotClusterIsTaggedKeyedByUserDataAndLeavesNothingBehind() throws Exception {
    AwsConfig cfg = new AwsConfig(null, false, null, null, Map.of("cost-center", "42"), true, null);
    try (MotoAccount aws = new MotoAccount(moto, root, cfg)) {
      raw = aws.raw(moto, "us-east-1");
      ClusterInfo info = aws.provider.runInstances(request("train", 2, true));

      assertThat(info.nodes()).hasSize(2);
      assertThat(info.sshUser()).isEqualTo("ubuntu");
      // the agent binds the node's private address: the head reaches its workers' agents there
      assertThat(info.head().agentHost()).isEqualTo(info.head().internalIp()).isNotBlank();
      List<Instance> all = instances("train");
      assertThat(all).hasSize(2);
      assertThat(all).allMatch(i -> "spot".equals(i.instanceLifecycleAsString()));
      Map<String, Map<String, String>> byRank = all.stream()
          .collect(Collectors.toMap(i -> tags(i).get("sky4j-rank"), AwsProviderTest::tags));
      assertThat(byRank.get("0")).containsEntry("sky4j-node", "head").containsEntry("Name", "train-0")
          .containsEntry("sky4j-cluster", "train").containsEntry("team", "ml")
          .containsEntry("cost-center", "42").containsEntry("sky4j-user", System.getProperty("user.name"))
          .containsKey("sky4j-version");
      assertThat(byRank.get("1")).containsEntry("sky4j-node", "worker").containsEntry("Name", "train-1");

      Instance head = all.stream().filter(i -> "0".equals(tags(i).get("sky4j-rank"))).findFirst().orElseThrow();
      String userData = new String(Base64.getDecoder().decode(raw.describeInstanceAttribute(b -> b
          .instanceId(head.instanceId()).attribute(InstanceAttributeName.USER_DATA)).userData().value()),
          StandardCharsets.UTF_8);
      String key = KeyManager.ensure(aws.paths).publicKeyLine().strip();
      assertThat(userData).startsWith("#cloud-config\n").contains("- name: ubuntu")
          .contains("sudo: \"ALL=(ALL) NOPASSWD:ALL\"").contains(key);
      // spot cannot stop itself: its own shutdown terminates it
      assertThat(raw.describeInstanceAttribute(b -> b.instanceId(head.instanceId())
          .attribute(InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR))
          .instanceInitiatedShutdownBehavior().value()).isEqualTo("terminate");
      RunInstancesRequest run = (RunInstancesRequest) aws.calls.calls().stream()
          .filter(c -> c.operation().equals("RunInstances")).findFirst().orElseThrow().request();
      assertThat(run.instanceMarketOptions().marketTypeAsString()).isEqualTo("spot");
      assertThat(run.blockDeviceMappings().get(0).ebs().volumeSize()).isEqualTo(100);
      assertThat(run.blockDeviceMappings().get(0).ebs().iops()).isEqualTo(12000);
      assertThat(run.blockDeviceMappings().get(0).ebs().encrypted()).isTrue();
      assertThat(raw.describeKeyPairs().keyPairs()).isEmpty();

      assertThat(aws.provider.queryInstances("train").values()).containsOnly(NodeState.RUNNING);
      aws.provider.terminateInstances("train", false);

      assertThat(instances("train", "pending", "running", "stopping", "stopped")).isEmpty();
      assertThat(raw.describeSecurityGroups().securityGroups())
          .extracting(g -> g.groupName()).containsOnly("default");
      assertThat(raw.describeKeyPairs().keyPairs()).isEmpty();
      assertThat(aws.provider.getClusterInfo("train")).isEmpty();
    }
  }

  @Test
  void stopThenStartResumesTheSameInstances() throws Exception {
    try (MotoAccount aws = new MotoAccount(moto, root, AwsConfig.defaults())) {
      raw = aws.raw(moto, "us-east-1");
      ClusterInfo first = aws.provider.runInstances(request("dev", 2, false));
      String headId = first.head().id();
      assertThat(raw.describeInstanceAttribute(b -> b.instanceId(headId)
          .attribute(InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR))
          .instanceInitiatedShutdownBehavior().value()).isEqualTo("stop");

      // `sky autostop --down` later: the node's own shutdown must now delete it
      aws.provider.setShutdownTerminates("dev", true);
      assertThat(raw.describeInstanceAttribute(b -> b.instanceId(headId)
          .attribute(InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR))
          .instanceInitiatedShutdownBehavior().value()).isEqualTo("terminate");
      aws.provider.setShutdownTerminates("dev", false);

      aws.provider.stopInstances("dev", false);
      assertThat(aws.provider.queryInstances("dev").values())
          .allMatch(s -> s == NodeState.STOPPED || s == NodeState.STOPPING);
      aws.calls.clear();
      ClusterInfo again = aws.provider.runInstances(request("dev", 2, false));

      assertThat(again.nodes()).extracting(n -> n.id())
          .containsExactlyElementsOf(first.nodes().stream().map(n -> n.id()).toList());
      assertThat(aws.calls.count("RunInstances")).isZero();
      assertThat(aws.calls.count("StartInstances")).isEqualTo(1);
      assertThat(aws.provider.queryInstances("dev").values()).containsOnly(NodeState.RUNNING);
      aws.provider.terminateInstances("dev", false);
    }
  }

  @Test
  void aSpotInterruptionShowsAsATerminatedNode() throws Exception {
    try (MotoAccount aws = new MotoAccount(moto, root, AwsConfig.defaults())) {
      raw = aws.raw(moto, "us-east-1");
      ClusterInfo info = aws.provider.runInstances(request("spotty", 2, true));
      // AWS reclaims the worker: from the account's side it is simply terminated
      raw.terminateInstances(b -> b.instanceIds(info.nodes().get(1).id()));

      Map<String, NodeState> q = aws.provider.queryInstances("spotty");
      assertThat(q).containsEntry(info.nodes().get(1).id(), NodeState.TERMINATED)
          .containsEntry(info.head().id(), NodeState.RUNNING);
      aws.provider.terminateInstances("spotty", false);
    }
  }

  @Test
  void useInternalIpsNeverAsksForAPublicAddress() throws Exception {
    AwsConfig cfg = new AwsConfig(null, true, "ssh -W %h:%p bastion", null, Map.of(), false, null);
    try (MotoAccount aws = new MotoAccount(moto, root, cfg)) {
      raw = aws.raw(moto, "us-east-1");
      ClusterInfo info = aws.provider.runInstances(request("private", 1, false));

      RunInstancesRequest run = (RunInstancesRequest) aws.calls.calls().stream()
          .filter(c -> c.operation().equals("RunInstances")).findFirst().orElseThrow().request();
      assertThat(run.networkInterfaces().get(0).associatePublicIpAddress()).isFalse();
      Instance i = instances("private").get(0);
      assertThat(i.publicIpAddress()).isNull();
      assertThat(info.head().sshHost()).isEqualTo(i.privateIpAddress());
      assertThat(info.proxyCommand()).isEqualTo("ssh -W %h:%p bastion");
      aws.provider.terminateInstances("private", false);
    }
  }

  @Test
  void aServerThatLostItsStateFindsTheClusterByItsTags() throws Exception {
    try (MotoAccount aws = new MotoAccount(moto, root.resolve("a"), AwsConfig.defaults())) {
      aws.provider.runInstances(request("lost", 2, false));
    }
    // a new SKY4J_HOME: no state, no region index, nothing but the account's instances
    try (MotoAccount fresh = new MotoAccount(moto, root.resolve("b"), AwsConfig.defaults())) {
      assertThat(fresh.provider.getClusterInfo("lost")).isEmpty();
      List<ClusterInfo> found = fresh.provider.listClusters();
      assertThat(found).extracting(ClusterInfo::cluster).containsExactly("lost");
      assertThat(found.get(0).region()).isEqualTo("us-east-1");
      assertThat(found.get(0).nodes()).extracting(n -> n.rank()).containsExactly(0, 1);
      assertThat(fresh.provider.getClusterInfo("lost")).isPresent();
      fresh.provider.terminateInstances("lost", false);
    }
  }

  @Test
  void theDefaultImageIsResolvedByNameOncePerRegionAndImageIdMapsPerRegion() throws Exception {
    try (MotoAccount aws = new MotoAccount(moto, root, AwsConfig.defaults())) {
      raw = aws.raw(moto, "us-east-1");
      aws.provider.runInstances(request("one", 1, false));
      aws.provider.runInstances(request("two", 1, false));
      assertThat(aws.calls.count("DescribeImages")).isEqualTo(1);
      String image = instances("one").get(0).imageId();
      String name = raw.describeImages(b -> b.imageIds(image)).images().get(0).name();
      assertThat(name).startsWith("Deep Learning").contains("Ubuntu");

      ProvisionRequest pinned = new ProvisionRequest("three", "us-east-1", null, "m5.large", 1,
          false, null, 0, Map.of(), null, null, List.of(), Map.of("us-east-1", "ami-785db401"), false);
      aws.provider.runInstances(pinned);
      assertThat(instances("three").get(0).imageId()).isEqualTo("ami-785db401");
      for (String c : List.of("one", "two", "three")) {
        aws.provider.terminateInstances(c, false);
      }
    }
  }

  @Test
  void portsGetAClusterGroupThatGoesWithTheCluster() throws Exception {
    try (MotoAccount aws = new MotoAccount(moto, root, AwsConfig.defaults())) {
      raw = aws.raw(moto, "us-east-1");
      ProvisionRequest req = new ProvisionRequest("web", "us-east-1", null, "m5.large", 1, false,
          null, 0, Map.of(), null, null, List.of("8888", "10000-10010"), null, false);
      aws.provider.runInstances(req);
      aws.provider.openPorts("web", req.ports());
      var group = raw.describeSecurityGroups(b -> b.filters(Filter.builder().name("group-name")
          .values("sky4j-web-ports").build())).securityGroups().get(0);
      assertThat(group.ipPermissions()).extracting(p -> p.fromPort() + "-" + p.toPort())
          .contains("8888-8888", "10000-10010", "22-22");
      aws.provider.terminateInstances("web", false);
      assertThat(raw.describeSecurityGroups().securityGroups())
          .extracting(g -> g.groupName()).containsOnly("default");
    }
  }
}
