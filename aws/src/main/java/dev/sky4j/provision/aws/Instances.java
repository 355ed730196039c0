package dev.sky4j.provision.aws;

import dev.sky4j.agent.NodeConfig;
import dev.sky4j.provision.NodeInfo;
import dev.sky4j.provision.NodeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * A cluster's instances as EC2 lists them (by the {@code sky4j-cluster} tag) and how they map to
 * the SPI's nodes. A terminated instance stays listed for about an hour: per rank only the newest
 * instance counts, so a cluster relaunched under the same name is not confused with its past.
 */
final class Instances {
  static final List<String> LIVE = List.of("pending", "running", "stopping", "stopped");

  private Instances() {}

  static List<Instance> describe(Ec2Client ec2, List<Filter> filters) {
    List<Instance> out = new ArrayList<>();
    ec2.describeInstancesPaginator(b -> b.filters(filters))
        .reservations().forEach(r -> out.addAll(r.instances()));
    return out;
  }

  static List<Instance> ofCluster(Ec2Client ec2, String cluster, boolean liveOnly) {
    List<Filter> f = new ArrayList<>(List.of(InstanceTags.cluster(cluster)));
    if (liveOnly) {
      f.add(Filter.builder().name("instance-state-name").values(LIVE).build());
    }
    return newestPerRank(describe(ec2, f));
  }

  /** Rank order, one instance per rank: the one launched last. */
  static List<Instance> newestPerRank(List<Instance> all) {
    Map<Integer, Instance> byRank = new LinkedHashMap<>();
    for (Instance i : all) {
      byRank.merge(InstanceTags.rank(i), i, (a, b) -> launched(a).isAfter(launched(b)) ? a : b);
    }
    return byRank.values().stream().sorted(Comparator.comparingInt(InstanceTags::rank)).toList();
  }

  private static Instant launched(Instance i) {
    return i.launchTime() == null ? Instant.EPOCH : i.launchTime();
  }

  /** The groups of the instances and of their network interfaces (moto reports only these). */
  static List<String> groupIds(List<Instance> instances) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (Instance i : instances) {
      i.securityGroups().forEach(g -> out.add(g.groupId()));
      i.networkInterfaces().forEach(n -> n.groups().forEach(g -> out.add(g.groupId())));
    }
    return List.copyOf(out);
  }

  static NodeState state(Instance i) {
    InstanceStateName s = i.state() == null ? InstanceStateName.UNKNOWN_TO_SDK_VERSION : i.state().name();
    return switch (s) {
      case PENDING -> NodeState.PENDING;
      case RUNNING -> NodeState.RUNNING;
      case STOPPING -> NodeState.STOPPING;
      case STOPPED -> NodeState.STOPPED;
      // shutting-down/terminated: gone; a spot interruption looks exactly like this, which is
      // how managed jobs see a preemption (as a killed local node reports TERMINATED)
      default -> NodeState.TERMINATED;
    };
  }

  /**
   * The node as the server reaches it: the simulator's address when it runs one, else the
   * public IP (or the private one with {@code aws.use_internal_ips}, or when there is none).
   * The agent listens on the node's internal address (the private IP; in the simulator, where
   * all VMs share this machine's network, the VM's own loopback address), with the cluster
   * secret, and is reached from here through the SSH tunnel.
   */
  static NodeInfo node(Instance i, boolean internalIps, SimHosts sim) {
    int rank = InstanceTags.rank(i);
    if (sim != null) {
      SimHosts.Host h = sim.get(i.instanceId());
      if (h == null) {
        // running in EC2 but not yet given a simulated VM: not reachable yet
        NodeState s = state(i) == NodeState.RUNNING ? NodeState.PENDING : state(i);
        return new NodeInfo(i.instanceId(), rank, null, null, 22, s,
            NodeConfig.DEFAULT_AGENT_PORT, "127.0.0.1");
      }
      return new NodeInfo(i.instanceId(), rank, h.internalIp(), h.sshHost(), h.sshPort(),
          state(i), NodeConfig.DEFAULT_AGENT_PORT, h.internalIp());
    }
    String host = internalIps || i.publicIpAddress() == null ? i.privateIpAddress()
        : i.publicIpAddress();
    // the agent binds the private address (its workers' agents are reached there by the head,
    // inside the security group); from here it is reached through the SSH tunnel
    return new NodeInfo(i.instanceId(), rank, i.privateIpAddress(), host, 22, state(i),
        NodeConfig.DEFAULT_AGENT_PORT, i.privateIpAddress());
  }
}
