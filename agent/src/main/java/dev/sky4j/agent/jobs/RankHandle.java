package dev.sky4j.agent.jobs;

import java.io.IOException;
import java.io.OutputStream;

/** One rank of a running job phase, on this node or on a worker: wait, kill, follow its output. */
public interface RankHandle {
  int await() throws InterruptedException, IOException;

  void kill();

  /** Waits up to {@code millis} for the rank to exit; true once it has. */
  boolean awaitExit(long millis) throws InterruptedException, IOException;

  /** Streams the rank's output from the start until it exits. */
  void follow(OutputStream out) throws IOException;

  /** The handle for a process on this node. */
  static RankHandle local(RankProcess p) {
    return new RankHandle() {
      @Override
      public int await() throws InterruptedException {
        return p.waitFor();
      }

      @Override
      public void kill() {
        p.kill();
      }

      @Override
      public boolean awaitExit(long millis) throws InterruptedException {
        return p.waitFor(millis);
      }

      @Override
      public void follow(OutputStream out) throws IOException {
        LogFollower.follow(p.log(), 0, () -> !p.isAlive(), out);
      }
    };
  }
}
