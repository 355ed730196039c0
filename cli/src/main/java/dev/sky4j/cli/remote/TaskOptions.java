package dev.sky4j.cli.remote;

import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.client.dto.TaskOverrides;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * SkyPilot's task flags ({@code TASK_OPTIONS}): overrides of the YAML, envs and secrets. The one
 * declaration of them: a picocli mixin of launch (where --dryrun reads the resource flags too),
 * exec and jobs launch.
 */
public final class TaskOptions {
  @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Task name, overriding name: in the YAML (for sky jobs launch: the job's name).")
  String name;

  @Option(names = "--workdir", paramLabel = "DIR", description = "Folder synced to ~/sky_workdir.")
  String workdir;

  @Option(names = "--num-nodes", paramLabel = "N", description = "Number of nodes.")
  Integer numNodes;

  @Option(names = "--gpus", paramLabel = "NAME[:N]", description = "Accelerators, e.g. A100:8; "
      + "'none' removes them. Overrides the YAML.")
  String gpus;

  @Option(names = "--cpus", paramLabel = "N[+]", description = "vCPUs per node: 8 or 8+.")
  String cpus;

  @Option(names = "--memory", paramLabel = "GB[+|x]", description = "Memory per node in GiB: "
      + "32, 32+ or 4x (per vCPU).")
  String memory;

  @Option(names = "--disk-size", paramLabel = "GB", description = "OS disk size in GB.")
  Integer diskSize;

  @Option(names = "--infra", paramLabel = "CLOUD[/REGION[/ZONE]]",
      description = "Where to run, e.g. aws/us-east-1.")
  String infra;

  @Option(names = "--use-spot", negatable = true, description = "Use spot instances.")
  Boolean useSpot;

  @Option(names = {"-t", "--instance-type"}, paramLabel = "TYPE", description = "Instance type.")
  String instanceType;

  @Option(names = "--env", paramLabel = "KEY[=VAL]", description = "Environment variable "
      + "(repeatable); KEY alone takes the value from your environment.")
  List<String> envs;

  @Option(names = "--secret", paramLabel = "KEY[=VAL]", description = "Secret environment "
      + "variable (repeatable): never logged or stored.")
  List<String> secrets;

  public Integer numNodes() {
    return numNodes;
  }

  public String gpus() {
    return gpus;
  }

  public String cpus() {
    return cpus;
  }

  public String memory() {
    return memory;
  }

  public String infra() {
    return infra;
  }

  public Boolean useSpot() {
    return useSpot;
  }

  public String instanceType() {
    return instanceType;
  }

  public TaskOverrides overrides() {
    return new TaskOverrides(name, workdir, numNodes, gpus, cpus, memory, diskSize, infra,
        useSpot, instanceType);
  }

  /**
   * The task to send: {@code entrypoint} is a YAML file or command words.
   *
   * @throws NoSuchFileException when the entrypoint names a YAML file that is not there
   * @throws IOException when that file cannot be read
   */
  public TaskInput input(List<String> entrypoint) throws IOException {
    String yaml = null;
    String yamlPath = null;
    String command = null;
    Path base = Path.of("").toAbsolutePath();
    if (entrypoint != null && !entrypoint.isEmpty()) {
      String first = entrypoint.get(0);
      Path p = Path.of(first);
      if (entrypoint.size() == 1 && (first.endsWith(".yaml") || first.endsWith(".yml"))) {
        if (!Files.isRegularFile(p)) {
          throw new NoSuchFileException(first);
        }
        yaml = Files.readString(p, StandardCharsets.UTF_8);
        yamlPath = first;
        base = p.toAbsolutePath().getParent();
      } else {
        command = String.join(" ", entrypoint);
      }
    }
    return new TaskInput(yaml, yamlPath, base.toString(), command, overrides(),
        pairs("--env", envs), pairs("--secret", secrets));
  }

  /** {@code --env K} or {@code --secret K} naming a variable this shell does not have. */
  public static final class UnsetVariable extends IllegalArgumentException {
    UnsetVariable(String flag, String name) {
      super(flag + " " + name + ": " + name + " is not set in local environment. Give a value ("
          + flag + " " + name + "=VALUE) or export " + name + " first.");
    }
  }

  /**
   * {@code KEY=VALUE} splits at the first '='; the value is kept exactly as typed (it reaches the
   * job as that string, see FieldOverride). {@code KEY} alone takes this shell's value, as in
   * SkyPilot, which fails when it is unset.
   */
  private static Map<String, String> pairs(String flag, List<String> items) {
    Map<String, String> m = new LinkedHashMap<>();
    if (items != null) {
      for (String s : items) {
        int eq = s.indexOf('=');
        if (eq < 0) {
          String v = System.getenv(s);
          if (v == null) {
            throw new UnsetVariable(flag, s);
          }
          m.put(s, v);
        } else {
          m.put(s.substring(0, eq), s.substring(eq + 1));
        }
      }
    }
    return m;
  }
}
