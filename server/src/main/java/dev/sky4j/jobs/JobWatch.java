package dev.sky4j.jobs;

import dev.sky4j.provision.NodeState;
import java.io.IOException;
import java.util.Map;

/**
 * The poll step of a running managed job: asks the provider whether every node still runs and
 * the head agent how the cluster job is doing. A lost node, or an agent silent for longer than
 * the unreachable window, is a preemption: the job goes RECOVERING and {@link LaunchAttempt}
 * relaunches it. A finished job goes to {@link FinishStep}; a failed one to {@link UserFailures}.
 */
final class JobWatch {
  private final JobController c;
  /** When the agent first stopped answering, 0 while it answers. */
  private long unreachableSince;

  JobWatch(JobController c) {
    this.c = c;
  }

  /** A fresh cluster job: forget the previous one's silence. */
  void reset() {
    unreachableSince = 0;
  }

  void poll() {
    ManagedJobs svc = c.svc;
    ManagedJobRow r = c.row();
    Map<String, NodeState> nodes;
    try {
      nodes = svc.driver().nodes(r.cloud(), r.cluster());
    } catch (RuntimeException e) {
      nodes = Map.of();
    }
    String lost = lostNode(nodes);
    if (lost != null) {
      preempted(lost);
      return;
    }
    Map<String, Object> job;
    try {
      job = svc.driver().job(r.cluster(), r.clusterJobId());
      unreachableSince = 0;
    } catch (IOException | RuntimeException e) {
      long now = System.currentTimeMillis();
      unreachableSince = unreachableSince == 0 ? now : unreachableSince;
      if (now - unreachableSince >= svc.config().unreachableMillis()) {
        preempted("the job's agent has not answered for " + (now - unreachableSince) / 1000
            + " s (" + e.getMessage() + ")");
      } else {
        c.schedule(this::poll, svc.config().pollMillis(), false);
      }
      return;
    }
    c.logs.copy();
    String state = String.valueOf(job.get("state"));
    switch (state) {
      case "SUCCEEDED" -> c.schedule(new FinishStep(c, ManagedJobStatus.SUCCEEDED, "the job succeeded"), 0, true);
      case "CANCELLED" -> c.schedule(new FinishStep(c, ManagedJobStatus.CANCELLED,
          "the cluster job was cancelled on " + r.cluster()), 0, true);
      case "FAILED", "FAILED_SETUP" -> c.failures.failed(state, String.valueOf(job.get("message")));
      default -> {
        if (r.status() != ManagedJobStatus.RUNNING) {
          c.markRunning("running on " + r.infra());
        }
        c.schedule(this::poll, svc.config().pollMillis(), false);
      }
    }
  }

  /** A node not RUNNING means the cluster lost it (preemption, or killed outside sky4j). */
  private static String lostNode(Map<String, NodeState> nodes) {
    if (nodes.isEmpty()) {
      return "the cluster's nodes are gone";
    }
    for (Map.Entry<String, NodeState> e : nodes.entrySet()) {
      if (e.getValue() != NodeState.RUNNING) {
        return "node " + e.getKey() + " is " + e.getValue();
      }
    }
    return null;
  }

  private void preempted(String why) {
    c.preemptionNoticed();
    ManagedJobRow r = c.row();
    c.log("Preemption detected: " + why);
    r = r.withLaunched(null, r.cloud(), r.region(), r.zone())
        .withCounters(r.recoveries() + 1, r.restarts(), 0, r.cloud() + "/" + r.region())
        .withStatus(ManagedJobStatus.RECOVERING, "preempted on " + r.infra() + ": " + why
            + "; recovering with " + r.strategy());
    c.transition(r, true);
    c.schedule(c.launch::run, 0, true);
  }
}
