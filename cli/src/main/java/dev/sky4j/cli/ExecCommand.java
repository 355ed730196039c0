package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.cli.remote.TaskOptions;
import dev.sky4j.client.dto.ExecRequest;
import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.TaskInput;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sky exec CLUSTER TASK.yaml|COMMAND}: sync the workdir and run; no provisioning, no setup. */
@Command(name = "exec", description = "Run a task or command on an existing cluster (syncs the "
    + "workdir, skips setup and file mounts).")
public final class ExecCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster.") String cluster;

  @Parameters(index = "1..*", paramLabel = "TASK.yaml|COMMAND",
      description = "The task file, or a command to run (after --).") List<String> entrypoint;

  @Option(names = {"-d", "--detach-run"}, description = "Submit and return; do not stream output.")
  boolean detach;

  @Mixin TaskOptions task;

  @Override
  public Integer call() {
    return TaskSubmit.run(task, entrypoint, "sky exec " + cluster + " task.yaml",
        "sky exec " + cluster + " -- nvidia-smi", this::submit);
  }

  private int submit(TaskInput in) {
    return Remote.run(Version.current(), c -> {
      String id = c.submit("/exec", new ExecRequest(cluster, in, detach));
      RequestInfo r = Remote.follow(c, id, "Job output: sky logs " + cluster);
      int code = Remote.outcome(r);
      if (code == 0 && r.result() instanceof Map<?, ?> m) {
        Object status = m.get("jobStatus");
        if (status != null && !"SUCCEEDED".equals(status)) {
          return 1;
        }
      }
      return code;
    });
  }
}
