package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.cli.remote.TaskOptions;
import dev.sky4j.client.dto.ExecRequest;
import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.TaskInput;
import java.io.IOException;
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
  @Parameters(index = "0", paramLabel = "CLUSTER") String cluster;

  @Parameters(index = "1..*", paramLabel = "TASK.yaml|COMMAND") List<String> entrypoint;

  @Option(names = {"-d", "--detach-run"}, description = "Submit and return; do not stream output.")
  boolean detach;

  @Mixin TaskOptions task;

  @Override
  public Integer call() {
    TaskInput in;
    try {
      in = task.input(entrypoint);
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
    if (in.yaml() == null && in.command() == null) {
      System.err.println("error: give a task YAML or a command, e.g. sky exec " + cluster + " -- nvidia-smi");
      return 2;
    }
    if (!LocalCheck.ok(in, System.err)) {
      return 1;
    }
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
