package dev.sky4j.agent.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to run on the cluster: optional setup and the run script, on {@code numNodes} nodes with
 * per-node GPU/CPU demands. {@code secrets} reach only the job's environment: {@link #toJson}
 * (used for the job table, logs and API answers) lists their names, never their values.
 */
public record JobSpec(
    String name,
    String setup,
    String run,
    int numNodes,
    double gpusPerNode,
    double cpusPerNode,
    Map<String, String> envs,
    Map<String, String> secrets,
    String taskId,
    String user,
    String workdir) {

  /** SkyPilot's default CPU demand per task when none is given. */
  public static final double DEFAULT_CPUS = 0.5;

  public JobSpec {
    envs = envs == null ? Map.of() : Map.copyOf(envs);
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    numNodes = Math.max(1, numNodes);
  }

  public static JobSpec of(String run) {
    return new JobSpec(null, null, run, 1, 0, DEFAULT_CPUS, Map.of(), Map.of(), null, null, null);
  }

  @SuppressWarnings("unchecked")
  public static JobSpec fromJson(Map<String, Object> m) {
    return new JobSpec(
        (String) m.get("name"),
        (String) m.get("setup"),
        (String) m.get("run"),
        m.get("numNodes") == null ? 1 : ((Number) m.get("numNodes")).intValue(),
        m.get("gpusPerNode") == null ? 0 : ((Number) m.get("gpusPerNode")).doubleValue(),
        m.get("cpusPerNode") == null ? DEFAULT_CPUS : ((Number) m.get("cpusPerNode")).doubleValue(),
        strings(m.get("envs")),
        strings(m.get("secrets")),
        (String) m.get("taskId"),
        (String) m.get("user"),
        (String) m.get("workdir"));
  }

  /** The full spec including secret values: only for the wire to the agent, never for display. */
  public Map<String, Object> toWireJson() {
    Map<String, Object> m = toJson();
    m.put("secrets", secrets);
    return m;
  }

  /** The spec for display and storage: secret values are left out. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("setup", setup);
    m.put("run", run);
    m.put("numNodes", numNodes);
    m.put("gpusPerNode", gpusPerNode);
    m.put("cpusPerNode", cpusPerNode);
    m.put("envs", envs);
    m.put("secretNames", secrets.keySet().stream().sorted().toList());
    m.put("taskId", taskId);
    m.put("user", user);
    m.put("workdir", workdir);
    return m;
  }

  private static Map<String, String> strings(Object o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    }
    return out;
  }
}
