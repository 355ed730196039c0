package dev.sky4j.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** One lock per cluster name: two launches (or a launch and a down) of one cluster never interleave. */
final class ClusterLocks {
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** A held lock; closing releases it. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  Held lock(String cluster) throws InterruptedException {
    ReentrantLock l = locks.computeIfAbsent(cluster, k -> new ReentrantLock());
    l.lockInterruptibly();
    return l::unlock;
  }
}
