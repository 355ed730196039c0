package dev.sky4j.agent.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's GPU and CPU slots, per node, owned by the head's queue. A job asking for
 * {@code g >= 1} GPUs per node takes {@code ceil(g)} whole free GPUs on each of its nodes; a
 * fractional ask ({@code 0 < g < 1}) shares one GPU whose remaining fraction is large enough.
 * Nodes are homogeneous, so slots are indices into each node's own device list.
 */
public final class SlotPool {
  /** What one job holds: for each chosen node (in rank order) its node index and GPU slots. */
  public record Allocation(List<Integer> nodes, List<int[]> gpuSlots, double gpus, double cpus) {}

  private final double[][] gpuFree;
  private final double[] cpuFree;

  public SlotPool(int nodes, int gpusPerNode, double cpusPerNode) {
    gpuFree = new double[nodes][gpusPerNode];
    cpuFree = new double[nodes];
    for (int n = 0; n < nodes; n++) {
      java.util.Arrays.fill(gpuFree[n], 1.0);
      cpuFree[n] = cpusPerNode;
    }
  }

  public int nodes() {
    return cpuFree.length;
  }

  public int gpusPerNode() {
    return gpuFree.length == 0 ? 0 : gpuFree[0].length;
  }

  public double cpusPerNode(int node) {
    return cpuFree[node];
  }

  /** Whether the job could ever run on this cluster, even when it is empty. */
  public boolean couldEverFit(int numNodes, double gpus) {
    return numNodes <= nodes() && Math.ceil(gpus) <= gpusPerNode();
  }

  public synchronized Allocation tryAllocate(int numNodes, double gpus, double cpus) {
    List<Integer> chosen = new ArrayList<>();
    List<int[]> slots = new ArrayList<>();
    for (int n = 0; n < nodes() && chosen.size() < numNodes; n++) {
      int[] s = pick(n, gpus);
      if (s != null && cpuFree[n] + 1e-9 >= cpus) {
        chosen.add(n);
        slots.add(s);
      }
    }
    if (chosen.size() < numNodes) {
      return null;
    }
    double share = gpus >= 1 ? 1.0 : gpus;
    for (int i = 0; i < chosen.size(); i++) {
      int n = chosen.get(i);
      cpuFree[n] -= cpus;
      for (int s : slots.get(i)) {
        gpuFree[n][s] -= share;
      }
    }
    return new Allocation(List.copyOf(chosen), List.copyOf(slots), gpus, cpus);
  }

  public synchronized void release(Allocation a) {
    double share = a.gpus() >= 1 ? 1.0 : a.gpus();
    for (int i = 0; i < a.nodes().size(); i++) {
      int n = a.nodes().get(i);
      cpuFree[n] += a.cpus();
      for (int s : a.gpuSlots().get(i)) {
        gpuFree[n][s] += share;
      }
    }
  }

  private int[] pick(int node, double gpus) {
    if (gpus <= 0) {
      return new int[0];
    }
    double[] free = gpuFree[node];
    if (gpus < 1) {
      for (int s = 0; s < free.length; s++) {
        if (free[s] + 1e-9 >= gpus) {
          return new int[] {s};
        }
      }
      return null;
    }
    int need = (int) Math.ceil(gpus);
    int[] out = new int[need];
    int k = 0;
    for (int s = 0; s < free.length && k < need; s++) {
      if (free[s] >= 1.0 - 1e-9) {
        out[k++] = s;
      }
    }
    return k == need ? out : null;
  }
}
