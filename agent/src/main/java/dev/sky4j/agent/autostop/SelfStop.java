package dev.sky4j.agent.autostop;

import java.io.IOException;

/**
 * How the head stops its own cluster through its cloud's stop path: workers first, then the
 * head. Returns once the workers are stopped and the head is marked; the caller then exits the
 * head's process. One implementation per cloud (the local cloud's is {@link LocalSelfStop}).
 */
public interface SelfStop {
  /** {@code down}: terminate (nodes and disks deleted) instead of stop (disks kept). */
  void stopCluster(boolean down) throws IOException;
}
