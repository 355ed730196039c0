package dev.sky4j.agent.jobs;

import dev.sky4j.agent.NodeConfig;
import dev.sky4j.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SkyPilot's environment for one rank (reference §1.6): the run phase gets
 * {@code SKYPILOT_NODE_RANK/NODE_IPS/NUM_GPUS_PER_NODE}, setup gets the {@code SKYPILOT_SETUP_*}
 * variants; both get the task id, cluster info, user, node count, then the task's envs and
 * secrets (which win over nothing of ours: SkyPilot's own names are set last).
 */
public final class JobEnv {
  private JobEnv() {}

  public static Map<String, String> forRank(
      JobSpec spec, long jobId, String taskId, int rank, List<String> ips, boolean setup,
      NodeConfig cluster) {
    Map<String, String> env = new LinkedHashMap<>();
    env.putAll(spec.envs());
    env.putAll(spec.secrets());
    String gpus = Long.toString((long) Math.ceil(spec.gpusPerNode()));
    String ipList = String.join("\n", ips);
    String prefix = setup ? "SKYPILOT_SETUP_" : "SKYPILOT_";
    env.put(prefix + "NODE_RANK", Integer.toString(rank));
    env.put(prefix + "NODE_IPS", ipList);
    env.put(prefix + "NUM_GPUS_PER_NODE", gpus);
    env.put("SKYPILOT_NUM_NODES", Integer.toString(ips.size()));
    env.put("SKYPILOT_TASK_ID", taskId);
    env.put("SKYPILOT_INTERNAL_JOB_ID", Long.toString(jobId));
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("cluster_name", cluster.cluster());
    info.put("cloud", cluster.cloud());
    info.put("region", cluster.region());
    info.put("zone", cluster.zone());
    env.put("SKYPILOT_CLUSTER_INFO", Json.write(info));
    env.put("SKYPILOT_USER", spec.user() == null || spec.user().isBlank() ? cluster.user() : spec.user());
    return env;
  }

  /** {@code sky-<timestamp>_<cluster>_<jobid>}, SkyPilot's format for cluster jobs. */
  public static String taskId(JobSpec spec, long jobId, String cluster, long submittedMillis) {
    if (spec.taskId() != null && !spec.taskId().isBlank()) {
      return spec.taskId();
    }
    String ts = new java.text.SimpleDateFormat("yyyy-MM-dd-HH-mm-ss-SSS000")
        .format(new java.util.Date(submittedMillis));
    return "sky-" + ts + "_" + cluster + "_" + jobId;
  }
}
