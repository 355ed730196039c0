package dev.sky4j.provision;

/** A node's state as its cloud reports it. */
public enum NodeState {
  PENDING,
  RUNNING,
  STOPPING,
  STOPPED,
  /** Gone: terminated, or (local cloud) its process was killed by a preemption. */
  TERMINATED
}
