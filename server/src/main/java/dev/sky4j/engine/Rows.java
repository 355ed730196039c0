package dev.sky4j.engine;

import dev.sky4j.optimizer.LaunchPlan;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeInfo;
import dev.sky4j.provision.NodeState;
import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStatus;
import dev.sky4j.state.NodeRow;
import java.util.ArrayList;
import java.util.List;

/** Builds state rows from plans and provider answers. */
final class Rows {
  private Rows() {}

  static ClusterRow init(String name, LaunchPlan p, String owner, Integer autostop, boolean down,
      boolean everUp) {
    return new ClusterRow(name, ClusterStatus.INIT, p.cloud(), p.region(), p.zone(),
        p.instanceType(), p.numNodes(), p.acceleratorName(), p.acceleratorCount(), p.spot(),
        p.vcpus(), p.memoryGib(), p.pricePerNode(), autostop, down, System.currentTimeMillis(),
        owner, List.of(), everUp, "provisioning");
  }

  static List<NodeRow> nodes(ClusterInfo info) {
    List<NodeRow> out = new ArrayList<>();
    for (NodeInfo n : info.nodes()) {
      out.add(new NodeRow(n.id(), n.rank(), n.internalIp(), n.sshHost(), n.sshPort()));
    }
    return out;
  }

  /** The row once provisioned: zone as the provider placed it, nodes filled in. */
  static ClusterRow up(ClusterRow row, ClusterInfo info) {
    ClusterRow placed = new ClusterRow(row.name(), ClusterStatus.UP, row.cloud(), row.region(),
        info.zone() == null ? row.zone() : info.zone(), row.instanceType(), row.numNodes(),
        row.acceleratorName(), row.acceleratorCount(), row.spot(), row.vcpus(), row.memoryGib(),
        row.pricePerNode(), row.autostopMinutes(), row.autostopDown(), row.launchedAt(),
        row.owner(), nodes(info), true, null);
    return placed;
  }

  /**
   * A cluster found on its cloud but not in the state: UP when every node runs, STOPPED when all
   * are stopped, else INIT with a message; price and shape unknown (the cloud does not say).
   */
  static ClusterRow adopted(ClusterInfo info) {
    boolean allUp = info.nodes().stream().allMatch(n -> n.state() == NodeState.RUNNING);
    boolean allStopped = info.nodes().stream().allMatch(n -> n.state() == NodeState.STOPPED);
    ClusterStatus s = allUp ? ClusterStatus.UP : allStopped ? ClusterStatus.STOPPED : ClusterStatus.INIT;
    return new ClusterRow(info.cluster(), s, info.cloud(), info.region(), info.zone(),
        info.instanceType(), info.nodes().size(), null, 0, false, 0, 0, 0, null, false,
        System.currentTimeMillis(), System.getProperty("user.name"), nodes(info), true,
        "found on " + info.cloud() + " after the server lost its state; sky down "
            + info.cluster() + " removes it");
  }
}
