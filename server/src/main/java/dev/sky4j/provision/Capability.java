package dev.sky4j.provision;

/**
 * What only some clouds can do. Code above the provider asks {@link Provider#capabilities()}
 * instead of testing which cloud it has, so a new cloud is one package and a set of these.
 */
public enum Capability {
  /** Stop keeps the disks and start resumes the same nodes ({@code sky stop/start}). */
  STOP,
  /** Spot (preemptible) nodes. */
  SPOT,
  /** {@code resources.ports} opened to the outside ({@link Provider#openPorts}). */
  OPEN_PORTS,
  /**
   * Storage mounts backed by a folder on this machine ({@link Provider#hostBucket}): the
   * local cloud's buckets, bind-mounted into its nodes.
   */
  HOST_BUCKETS,
  /** An admin can reclaim a spot node on purpose ({@link Provider#preempt}), as a test does. */
  PREEMPT_ON_DEMAND,
  /** {@code resources.image_id}: the nodes boot from the image the task names. */
  CUSTOM_IMAGES,
  /**
   * The nodes are VMs whose SSH is the system's OpenSSH, and the agent runs in VM mode: sky4j's
   * warm connections mark themselves on connecting ({@code agent.vm.ControlSessions}), else
   * they would count as SSH activity and autostop would never fire while the server runs.
   */
  OPENSSH_NODES
}
