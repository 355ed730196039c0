package dev.sky4j.kernel;

import dev.sky4j.client.ApiException;
import dev.sky4j.client.ServerUnreachableException;
import dev.sky4j.kernel.cluster.AttachException;
import dev.sky4j.kernel.cluster.Attacher;
import dev.sky4j.kernel.cluster.Clusters;
import dev.sky4j.kernel.magic.SkyCli;
import dev.sky4j.kernel.repl.LocalPython;
import dev.sky4j.kernel.repl.ReplClient;
import dev.sky4j.kernel.repl.ReplLostException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where cells run now: the local Python (started on first use, kept while attached, so a detach
 * returns to it) or the attached cluster's Python. Attaching is lazy after a kernel restart or
 * with {@code SKY4J_KERNEL_ATTACH}: the first cell attaches, and says so.
 */
final class Session {
  private final Path localScript;
  private final Clusters clusters;
  private final Attacher attacher;
  private final AttachMemory memory;
  private final SkyCli cli;
  private ReplClient local;
  private volatile Attacher.Attached remote;
  private String pendingAttach;
  private Map<String, String> taskEnvs = Map.of();

  Session(Path localScript, Clusters clusters, AttachMemory memory, SkyCli cli, String attachAtStart) {
    this.localScript = localScript;
    this.clusters = clusters;
    this.attacher = new Attacher(clusters);
    this.memory = memory;
    this.cli = cli;
    this.pendingAttach = memory.cluster().orElse(attachAtStart);
  }

  SkyCli cli() {
    return cli;
  }

  Clusters clusters() {
    return clusters;
  }

  /** The attached cluster's name, or null when cells run locally. */
  String attachedCluster() {
    Attacher.Attached a = remote;
    return a == null ? null : a.cluster().name();
  }

  /** The attached cluster, or null. */
  dev.sky4j.kernel.cluster.ClusterInfo attached() {
    Attacher.Attached a = remote;
    return a == null ? null : a.cluster();
  }

  void setTaskEnvs(Map<String, String> envs) {
    taskEnvs = Map.copyOf(envs);
  }

  /** Attaches now if a restart or SKY4J_KERNEL_ATTACH asked for it; a failure waits for the first cell. */
  synchronized void attachPending(Consumer<String> out) {
    if (pendingAttach == null) {
      return;
    }
    String c = pendingAttach;
    try {
      pendingAttach = null;
      attach(c, out);
    } catch (AttachException e) {
      out.accept("sky4j kernel: " + e.getMessage() + "\n");
      pendingAttach = c;
    }
  }

  /** The Python that cells run in now; a pending attach happens here, its progress to {@code out}. */
  synchronized ReplClient python(Consumer<String> out) throws ReplLostException, AttachException {
    if (pendingAttach != null) {
      String c = pendingAttach;
      pendingAttach = null;
      attach(c, out);
    }
    Attacher.Attached a = remote;
    if (a != null) {
      return a.python();
    }
    if (local == null || local.lostReason() != null) {
      try {
        local = ReplClient.connect(new LocalPython(localScript), 30_000);
      } catch (IOException e) {
        throw new ReplLostException("cannot start the local Python (" + LocalPython.interpreter()
            + "): " + e.getMessage() + ". Set SKY4J_KERNEL_PYTHON to a Python 3 interpreter.");
      }
    }
    return local;
  }

  /** Attaches to {@code cluster} (detaching from another first) and prints what it got. */
  synchronized void attach(String cluster, Consumer<String> out) throws AttachException {
    detach(null);
    long t0 = System.nanoTime();
    Attacher.Attached a;
    try {
      a = attachOnce(cluster, out);
    } catch (ServerUnreachableException e) {
      startServer(out);
      a = attachOrExplain(cluster, out);
    }
    remote = a;
    memory.remember(cluster);
    Map<String, Object> h = a.python().hello();
    Object cuda = h.get("cuda_visible_devices");
    out.accept(String.format(Locale.ROOT, "Attached to %s%nGPUs: %s (CUDA_VISIBLE_DEVICES=%s) · $%.3f/h · "
            + "Python %s on %s, job %d, in %s (%.1f s)%nCells run there now; %%sky detach comes back here.%n",
        a.cluster().summary(), a.cluster().record().accelerators() == null ? "none"
            : a.cluster().record().accelerators(), cuda == null ? "unset" : cuda,
        a.cluster().record().pricePerHour(), h.get("python"), h.get("host"), a.jobId(), h.get("cwd"),
        (System.nanoTime() - t0) / 1e9));
  }

  private Attacher.Attached attachOrExplain(String cluster, Consumer<String> out) throws AttachException {
    try {
      return attachOnce(cluster, out);
    } catch (ServerUnreachableException e) {
      throw new AttachException("the API server does not answer at " + e.getMessage()
          + "; run %sky status (it starts the server) and try again");
    }
  }

  private Attacher.Attached attachOnce(String cluster, Consumer<String> out)
      throws AttachException, ServerUnreachableException {
    try {
      return attacher.attach(cluster, taskEnvs, out);
    } catch (ServerUnreachableException e) {
      throw e;
    } catch (IOException | ApiException e) {
      throw new AttachException("cannot attach to " + cluster + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AttachException("attach to " + cluster + " was interrupted");
    }
  }

  /** The CLI starts (or restarts) the local API server as it does for any command. */
  private void startServer(Consumer<String> out) {
    try {
      cli.capture(List.of("status"), (n, t) -> out.accept(t));
    } catch (IOException | InterruptedException e) {
      out.accept("cannot start the API server: " + e.getMessage() + "\n");
    }
  }

  /** Ends the remote Python (its job frees the GPUs); cells run locally again. */
  synchronized void detach(Consumer<String> out) {
    pendingAttach = null;
    Attacher.Attached a = remote;
    if (a == null) {
      return;
    }
    remote = null;
    memory.forget();
    a.python().close();
    attacher.cancel(a.cluster().name(), a.jobId());
    if (out != null) {
      out.accept("Detached from " + a.cluster().name() + " (its Python job " + a.jobId()
          + " ended; the cluster keeps running). Cells run locally again.\n");
    }
  }

  void interrupt() {
    cli.interrupt();
    Attacher.Attached a = remote;
    ReplClient p = a != null ? a.python() : local;
    if (p != null) {
      p.interrupt();
    }
  }

  /** Kernel shutdown: both Pythons end, the cluster keeps running; a restart re-attaches. */
  synchronized void shutdown(boolean restart) {
    Attacher.Attached a = remote;
    String cluster = a == null ? pendingAttach : a.cluster().name();
    detach(null);
    if (restart && cluster != null) {
      memory.remember(cluster);
    }
    if (local != null) {
      local.close();
      local = null;
    }
  }
}
