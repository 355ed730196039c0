package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.cli.remote.TaskOptions;
import dev.sky4j.client.dto.LaunchRequest;
import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.TaskInput;
import java.util.List;
import java.util.Map;

/**
 * The real (non-dry-run) {@code sky launch}: validate here, POST /launch, follow the request's
 * log (provisioning stages, setup, the job's output). Ctrl-C detaches; the job keeps running.
 */
final class LaunchRunner {
  static final String USAGE = "sky launch -c dev task.yaml";

  private LaunchRunner() {}

  /** Launch flags beyond the task options. */
  record Flags(String cluster, Integer idleMinutes, boolean down, boolean retryUntilUp,
      boolean noSetup, boolean detachRun, boolean async, String waitFor) {}

  static int run(List<String> entrypoint, TaskOptions task, Flags f) {
    // without a task, launch (re)starts the named cluster
    return TaskSubmit.run(task, entrypoint, USAGE, f.cluster() == null ? USAGE : null,
        in -> submit(in, f));
  }

  private static int submit(TaskInput in, Flags f) {
    return Remote.run(Version.current(), c -> {
      String id = c.submit("/launch", new LaunchRequest(f.cluster(), in, f.idleMinutes(), f.down(),
          f.retryUntilUp(), f.noSetup(), f.detachRun(), f.waitFor()));
      if (f.async()) {
        System.out.println("Request " + id + " submitted; follow it with: sky api logs " + id);
        return 0;
      }
      RequestInfo r = Remote.follow(c, id, "Reattach with: sky api logs " + id
          + (f.cluster() == null ? "" : "; job output: sky logs " + f.cluster()));
      int code = Remote.outcome(r);
      if (code == 0 && r.result() instanceof Map<?, ?> m) {
        Object cluster = m.get("cluster");
        Object job = m.get("jobId");
        Object status = m.get("jobStatus");
        if (status != null && !"SUCCEEDED".equals(status)) {
          code = 1;
        }
        System.err.println("Cluster " + cluster + (job instanceof Number n && n.intValue() > 0
            ? ", job " + job + (status == null ? " (detached: sky logs " + cluster + " " + job + ")" : " " + status)
            : "") + ". ssh " + cluster + " | sky down " + cluster);
      }
      return code;
    });
  }
}
