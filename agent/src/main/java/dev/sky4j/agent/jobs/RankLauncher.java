package dev.sky4j.agent.jobs;

import java.io.IOException;
import java.util.Map;

/** Starts one rank of a job phase on cluster node {@code node} (this node or a worker). */
@FunctionalInterface
public interface RankLauncher {
  RankHandle start(
      int node, long jobId, String phase, int rank, String script, Map<String, String> env,
      int[] gpuSlots, String workdir) throws IOException;
}
