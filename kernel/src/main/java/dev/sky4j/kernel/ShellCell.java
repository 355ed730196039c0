package dev.sky4j.kernel;

import dev.sky4j.json.Json;
import dev.sky4j.kernel.cluster.ClusterInfo;
import dev.sky4j.kernel.cluster.Ssh;
import dev.sky4j.kernel.magic.Cell;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code %%bash} / {@code %%sh}. On the head node (or locally) the script runs as a child of the
 * cell's Python, so it sees the same environment as Python code: the job's
 * {@code CUDA_VISIBLE_DEVICES}, the task's envs, the workdir. With {@code --all} it then runs on
 * each worker over {@code ssh CLUSTER-workerN}, under a header per node.
 */
final class ShellCell {
  private ShellCell() {}

  /** Python that runs the script and fails the cell on a non-zero exit. */
  static String code(Cell.Shell s) {
    return "import subprocess as _sky4j_sp\n"
        + "_sky4j_rc = _sky4j_sp.call([" + Json.quote(s.shell()) + ", '-c', " + Json.quote(s.script())
        + "])\n"
        + "if _sky4j_rc:\n"
        + "    raise SystemError('the script exited with code %d' % _sky4j_rc)\n";
  }

  static boolean workers(Cell.Shell s, ClusterInfo cluster, NotebookSink sink) throws InterruptedException {
    if (cluster == null) {
      return true; // locally there is one node
    }
    boolean ok = true;
    for (int n = 1; n < cluster.record().numNodes(); n++) {
      String host = cluster.name() + "-worker" + n;
      sink.out("--- " + host + " ---\n");
      try {
        Process p = new ProcessBuilder(Ssh.command(host,
            "cd ~/sky_workdir 2>/dev/null; SKYPILOT_NODE_RANK=" + n + " exec " + s.shell() + " -s"))
            .redirectErrorStream(true).start();
        try (OutputStream o = p.getOutputStream()) {
          o.write(s.script().getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = p.getInputStream()) {
          byte[] buf = new byte[8192];
          int r;
          while ((r = in.read(buf)) > 0) {
            sink.out(new String(buf, 0, r, StandardCharsets.UTF_8));
          }
        }
        if (p.waitFor() != 0) {
          sink.stream("stderr", host + ": exit code " + p.exitValue() + "\n");
          ok = false;
        }
      } catch (IOException e) {
        sink.stream("stderr", host + ": " + e.getMessage() + "\n");
        ok = false;
      }
    }
    if (!ok) {
      sink.fail("ShellError", "the script failed on some workers (see above)");
    }
    return ok;
  }
}
