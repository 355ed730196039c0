package dev.sky4j.engine;

import dev.sky4j.agent.jobs.JobSpec;
import dev.sky4j.client.dto.JobRecord;
import dev.sky4j.client.dto.Problem;
import dev.sky4j.client.dto.StreamEnd;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.spec.Task;
import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStatus;
import dev.sky4j.state.JobStore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jobs on a cluster, through its head agent: submit, queue, logs, cancel. The agent owns the
 * queue and the logs (they survive a server restart); the server keeps a record of what it
 * submitted in the jobs table.
 */
final class Jobs {
  private final Providers providers;
  private final ClusterAccess access;
  private final JobStore store;
  private final Map<String, ClusterInfo> infos = new ConcurrentHashMap<>();

  Jobs(Providers providers, ClusterAccess access, JobStore store) {
    this.providers = providers;
    this.access = access;
    this.store = store;
  }

  /** How to reach an UP cluster, cached until it stops or goes down. */
  ClusterInfo info(ClusterRow row) {
    if (row.status() != ClusterStatus.UP) {
      throw ApiError.conflict("cluster-not-up", "cluster " + row.name() + " is " + row.status()
          + (row.status() == ClusterStatus.STOPPED ? "; run sky start " + row.name() + " first"
              : "; wait for its launch to finish (sky status)"));
    }
    return infos.computeIfAbsent(row.name(), n -> providers.get(row.cloud()).getClusterInfo(n)
        .orElseThrow(() -> new ApiError(409, "cluster-gone", "the nodes of " + n + " are gone; run "
            + "sky status -r to refresh, then sky down " + n)));
  }

  /** A job refused because the head has started stopping the cluster for autostop. */
  static ApiError autostopping(String cluster) {
    return ApiError.conflict("cluster-autostopping", "cluster " + cluster + " is stopping "
        + "(autostop); run `sky start " + cluster + "` after it stops, or `sky autostop " + cluster
        + " --cancel` sooner");
  }

  void forget(String cluster) {
    infos.remove(cluster);
    access.forget(cluster);
  }

  int submit(ClusterInfo info, ClusterRow row, Task task, String setup, RequestContext ctx)
      throws IOException {
    return submit(info, row, task, setup, null, ctx);
  }

  /** {@code taskId} null: a fresh cluster-job id; a managed job passes its stable one. */
  int submit(ClusterInfo info, ClusterRow row, Task task, String setup, String taskId,
      RequestContext ctx) throws IOException {
    double gpus = gpusPerNode(task, row);
    JobSpec spec = new JobSpec(task.name(), setup, task.run(), task.numNodes(), gpus,
        JobSpec.DEFAULT_CPUS, nonNull(task.envs()), nonNull(task.secrets()),
        taskId != null ? taskId : "sky-" + System.currentTimeMillis() + "_" + row.name(), row.owner(),
        "sky_workdir"); // SkyPilot always runs in ~/sky_workdir (the agent falls back to ~)
    int id;
    try {
      id = access.agent(info).submit(spec.toWireJson());
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("HTTP 409")
          && e.getMessage().contains("autostopping")) {
        throw autostopping(row.name()); // autostop fired: the job would die with the node
      }
      throw e;
    }
    store.record(row.name(), id, task.name(), "PENDING", ctx.id());
    ctx.log().stage("Job " + id + " submitted to " + row.name()
        + " (sky logs " + row.name() + " " + id + ", sky cancel " + row.name() + " " + id + ")");
    return id;
  }

  /**
   * The task's GPUs per node on this cluster. Of several candidates ({@code {A100:8, H100:4}},
   * {@code any_of}) it is the one the cluster was launched for, not the first: an H100:4 node
   * must not be asked for 8 GPUs.
   */
  static double gpusPerNode(Task task, ClusterRow row) {
    for (dev.sky4j.spec.Resources r : task.resources().candidates()) {
      var acc = r.accelerator();
      if (acc != null && acc.name() != null && acc.name().equalsIgnoreCase(row.acceleratorName())) {
        return acc.count();
      }
    }
    var acc = task.resources().first().accelerator();
    return acc == null ? 0 : acc.count();
  }

  /** Copies the job's output into the request log until it ends; returns its final status. */
  String streamInto(ClusterInfo info, int jobId, RequestContext ctx) throws IOException {
    AgentClient agent = access.agent(info);
    agent.log(jobId, 0, true, new Utf8Out(ctx.log()::write));
    Map<String, Object> j = agent.job(jobId);
    String status = String.valueOf(j.get("state"));
    ctx.log().stage("Job " + jobId + " finished: " + status);
    return status;
  }

  List<JobRecord> queue(ClusterRow row, boolean skipFinished) throws IOException {
    List<JobRecord> out = new ArrayList<>();
    for (Map<String, Object> j : access.agent(info(row)).jobs()) {
      JobRecord r = record(j);
      if (skipFinished && isFinal(r.status())) {
        continue;
      }
      out.add(r);
    }
    out.sort((a, b) -> Integer.compare(b.id(), a.id()));
    return out;
  }

  boolean cancel(ClusterRow row, int jobId) throws IOException {
    return access.agent(info(row)).cancel(jobId);
  }

  void stream(ClusterRow row, Integer jobId, boolean follow, long offset, LogSink sink)
      throws IOException {
    AgentClient agent = access.agent(info(row));
    int id;
    if (jobId == null) {
      List<Map<String, Object>> all = agent.jobs();
      if (all.isEmpty()) {
        sink.problem(Problem.of(404, "no-jobs", "cluster " + row.name()
            + " has no jobs yet; submit one with sky exec " + row.name() + " task.yaml"));
        return;
      }
      id = all.stream().mapToInt(j -> ((Number) j.get("id")).intValue()).max().getAsInt();
    } else {
      id = jobId;
    }
    long[] pos = {offset};
    try {
      agent.log(id, offset, follow, new Utf8Out(text -> {
        pos[0] += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        sink.text(pos[0], text);
      }));
    } catch (IOException e) {
      if (sink.closed()) {
        return;
      }
      throw e;
    }
    Map<String, Object> j = agent.job(id);
    sink.end(new StreamEnd(String.valueOf(j.get("state")), null, null));
  }

  static JobRecord record(Map<String, Object> j) {
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = j.get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    double gpus = spec.get("gpusPerNode") instanceof Number n ? n.doubleValue() : 0;
    int nodes = spec.get("numNodes") instanceof Number n ? n.intValue() : 1;
    String res = nodes + "x[" + (gpus > 0 ? "GPU:" + fmt(gpus) + ", " : "") + "CPU:"
        + fmt(spec.get("cpusPerNode") instanceof Number n ? n.doubleValue() : 0.5) + "]";
    return new JobRecord(((Number) j.get("id")).intValue(), (String) spec.get("name"),
        (String) spec.get("user"), String.valueOf(j.get("state")), num(j.get("submittedAt")),
        numOrNull(j.get("startedAt")), numOrNull(j.get("endedAt")),
        j.get("exitCode") instanceof Number n ? Integer.valueOf(n.intValue()) : null, res);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static long num(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  private static Long numOrNull(Object o) {
    return o instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
  }

  static boolean isFinal(String s) {
    return switch (s) {
      case "SUCCEEDED", "FAILED", "FAILED_SETUP", "CANCELLED" -> true;
      default -> false;
    };
  }

  private static Map<String, String> nonNull(Map<String, String> m) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v == null ? "" : v));
    return out;
  }

  /** An OutputStream that hands on whole UTF-8 text, holding back a split character. */
  static final class Utf8Out extends OutputStream {
    private final java.util.function.Consumer<String> sink;
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

    Utf8Out(java.util.function.Consumer<String> sink) {
      this.sink = sink;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      pending.write(b, off, len);
      byte[] all = pending.toByteArray();
      int ok = Utf8.complete(all, all.length);
      if (ok > 0) {
        sink.accept(new String(all, 0, ok, java.nio.charset.StandardCharsets.UTF_8));
        pending.reset();
        pending.write(all, ok, all.length - ok);
      }
    }
  }
}
