package dev.sky4j.agent.autostop;

import dev.sky4j.agent.local.LocalCloudDisk;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The local cloud's stop path, run from the head node: the very code {@code LocalProvider}
 * uses for {@code sky stop} / {@code sky down} ({@link LocalCloudDisk}), so an autostopped node
 * is indistinguishable from one the server stopped.
 */
public final class LocalSelfStop implements SelfStop {
  private final LocalCloudDisk disk;
  private final String cluster;

  public LocalSelfStop(Path home, String cluster) {
    this.disk = LocalCloudDisk.ofNodeHome(home);
    this.cluster = cluster;
  }

  @Override
  public void stopCluster(boolean down) throws IOException {
    if (down) {
      disk.terminate(cluster, true);
      disk.terminate(cluster, false);
    } else {
      disk.stop(cluster, true);
      disk.stop(cluster, false);
    }
  }
}
