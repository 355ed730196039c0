package dev.sky4j.kernel.cluster;

import dev.sky4j.client.ApiException;
import dev.sky4j.client.dto.CancelRequest;
import dev.sky4j.client.dto.ExecRequest;
import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.client.dto.TaskOverrides;
import dev.sky4j.kernel.repl.ReplClient;
import dev.sky4j.kernel.repl.ReplScript;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code %sky attach CLUSTER}: puts the REPL script on the head node, submits it as a job through
 * the API server (so it gets the cluster's GPUs and {@code CUDA_VISIBLE_DEVICES} from the agent's
 * queue, the task's envs, the workdir, and counts as activity for autostop), and links to it.
 */
public final class Attacher {
  static final String REMOTE_SCRIPT = "~/.sky4j-kernel/" + ReplScript.NAME;
  /** The job name the kernel's Python runs under ({@code sky queue} shows it). */
  public static final String JOB_NAME = "sky4j-kernel";

  private final Clusters clusters;

  public Attacher(Clusters clusters) {
    this.clusters = clusters;
  }

  /** A live attachment: the cluster, its remote Python, and the job that Python runs as. */
  public record Attached(ClusterInfo cluster, ReplClient python, int jobId) {}

  public static String remotePython() {
    String p = System.getenv("SKY4J_KERNEL_REMOTE_PYTHON");
    return p == null || p.isBlank() ? "python3" : p.strip();
  }

  public Attached attach(String cluster, Map<String, String> envs, Consumer<String> progress)
      throws AttachException, IOException, ApiException, InterruptedException {
    ClusterInfo info = clusters.find(cluster, true).orElse(null);
    if (info == null || !info.up()) {
      throw new AttachException(ClusterInfo.wayBack(cluster, info == null ? null : info.record().status()));
    }
    progress.accept("Attaching to " + info.summary() + "\n");
    upload(cluster);
    String socket = "/tmp/sky4j-kernel-" + UUID.randomUUID().toString().substring(0, 12) + ".sock";
    String python = remotePython();
    String command = "exec " + python + " -u " + REMOTE_SCRIPT + " serve " + Ssh.quote(socket);
    String gpus = info.record().accelerators();
    TaskOverrides o = new TaskOverrides(JOB_NAME, null, null,
        gpus == null || gpus.isBlank() ? null : gpus, null, null, null, null, null, null);
    TaskInput in = new TaskInput(null, null, null, command, o, envs, null);
    String id = clusters.client().submit("/exec", new ExecRequest(cluster, in, true));
    RequestInfo r = clusters.client().waitFor(id);
    if (!"SUCCEEDED".equals(r.status())) {
      throw new AttachException("Could not start the kernel's Python job on " + cluster + ": "
          + (r.error() == null ? r.status() : r.error().message()));
    }
    int jobId = r.result() instanceof Map<?, ?> m && m.get("jobId") instanceof Number n ? n.intValue() : 0;
    progress.accept("Python job " + jobId + " submitted; connecting over ssh " + cluster + "\n");
    RemotePython link = new RemotePython(cluster, python, socket, clusters, 120);
    try {
      return new Attached(info, ReplClient.connect(link, 130_000), jobId);
    } catch (IOException e) {
      cancel(cluster, jobId);
      throw new AttachException("Could not reach the kernel's Python on " + cluster + ": "
          + e.getMessage() + ". If its job is PENDING, the GPUs are busy: %sky queue " + cluster);
    }
  }

  /** Cancels the REPL's job (after asking it to exit), so its GPUs are free again. */
  public void cancel(String cluster, int jobId) {
    if (jobId <= 0) {
      return;
    }
    try {
      clusters.client().submit("/cancel", new CancelRequest(cluster, List.of(jobId), false));
    } catch (IOException | ApiException ignored) {
      // the job ends on its own when its Python exits or is orphaned
    }
  }

  private static void upload(String cluster) throws AttachException, IOException, InterruptedException {
    String cmd = "mkdir -p ~/.sky4j-kernel && cat > " + REMOTE_SCRIPT + ".tmp && mv "
        + REMOTE_SCRIPT + ".tmp " + REMOTE_SCRIPT;
    Process p = new ProcessBuilder(Ssh.command(cluster, cmd)).redirectErrorStream(true).start();
    try (OutputStream o = p.getOutputStream()) {
      o.write(ReplScript.bytes());
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AttachException("ssh " + cluster + " did not answer within 60 s; check `ssh "
          + cluster + "` in a terminal");
    }
    if (p.exitValue() != 0) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      throw new AttachException("ssh " + cluster + " failed (exit " + p.exitValue() + "): " + out
          + ". Check that `ssh " + cluster + "` works in a terminal (sky status " + cluster + ")");
    }
  }
}
