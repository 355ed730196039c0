package dev.sky4j.engine;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.client.dto.DiagnosticDto;
import dev.sky4j.client.dto.Problem;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.client.dto.TaskOverrides;
import dev.sky4j.requests.ApiError;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.FieldOverride;
import dev.sky4j.spec.Task;
import dev.sky4j.spec.TaskLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the user sent into a validated {@link Task} with core's one validator. Command-line
 * flags are applied to the parsed document ({@link FieldOverride}), never written back into YAML
 * text: {@code --env A=yes} stays the string {@code yes}. The result is validated again, so a
 * bad {@code --gpus} value is reported by the same rules and words as a bad {@code accelerators:},
 * under the flag's name.
 */
final class TaskResolver {
  private TaskResolver() {}

  static Task resolve(TaskInput in, Catalog catalog) {
    String file = in.yamlPath() == null ? "<command line>" : in.yamlPath();
    String text = in.yaml() == null ? "" : in.yaml();
    if (!text.isBlank()) {
      checkFile(in, catalog);
    }
    List<FieldOverride> overrides = overrides(in);
    var loaded = TaskLoader.load(text, file, catalog, overrides);
    failOnErrors(loaded.diagnostics(), text, file, overrides);
    if (loaded.tasks().size() != 1) {
      throw ApiError.badRequest("pipeline-not-supported", file + " holds " + loaded.tasks().size()
          + " tasks (a pipeline); sky launch runs one task: split it into one file per task");
    }
    return loaded.tasks().get(0);
  }

  /** The file alone, before any flag: its errors are reported at its own lines. */
  static void checkFile(TaskInput in, Catalog catalog) {
    String file = in.yamlPath() == null ? "<command line>" : in.yamlPath();
    String text = in.yaml() == null ? "" : in.yaml();
    failOnErrors(Validation.load(text, file, catalog).diagnostics(), text, file, List.of());
  }

  /** The flags as field overrides, in the order the old text merge applied them. */
  static List<FieldOverride> overrides(TaskInput in) {
    TaskOverrides o = in.overrides();
    List<FieldOverride> out = new ArrayList<>();
    if (in.command() != null && !in.command().isBlank()) {
      out.add(new FieldOverride("the command", List.of("run"), in.command()));
    }
    add(out, "--name", o.name(), "name");
    add(out, "--workdir", o.workdir(), "workdir");
    add(out, "--num-nodes", o.numNodes(), "num_nodes");
    add(out, "--gpus", "none".equalsIgnoreCase(o.gpus()) ? FieldOverride.REMOVE : o.gpus(),
        "resources", "accelerators");
    add(out, "--cpus", o.cpus(), "resources", "cpus");
    add(out, "--memory", o.memory(), "resources", "memory");
    add(out, "--disk-size", o.diskSize(), "resources", "disk_size");
    add(out, "--infra", o.infra(), "resources", "infra");
    add(out, "--use-spot", o.useSpot(), "resources", "use_spot");
    add(out, "--instance-type", o.instanceType(), "resources", "instance_type");
    for (Map.Entry<String, String> e : in.envs().entrySet()) {
      out.add(new FieldOverride("--env " + e.getKey(), List.of("envs", e.getKey()),
          e.getValue() == null ? "" : e.getValue()));
    }
    for (Map.Entry<String, String> e : in.secrets().entrySet()) {
      out.add(new FieldOverride("--secret " + e.getKey(), List.of("secrets", e.getKey()),
          e.getValue() == null ? "" : e.getValue()));
    }
    return out;
  }

  private static void add(List<FieldOverride> out, String flag, Object value, String... path) {
    if (value != null) {
      out.add(new FieldOverride(flag, List.of(path), value));
    }
  }

  private static void failOnErrors(List<Diagnostic> diagnostics, String text, String file,
      List<FieldOverride> overrides) {
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    if (errors.isEmpty()) {
      return;
    }
    List<DiagnosticDto> dtos = new ArrayList<>();
    List<Diagnostic> inFile = new ArrayList<>();
    StringBuilder fromFlags = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      Optional<String> flag = flag(d, overrides);
      dtos.add(new DiagnosticDto(d.severity().name(), d.code(), d.message(),
          flag.orElse(file), d.range().startLine(), d.range().startColumn(), d.range().endLine(),
          d.range().endColumn(), d.jsonPath()));
      if (flag.isPresent()) {
        fromFlags.append(flag.get()).append(": ")
            .append(d.severity().name().toLowerCase(java.util.Locale.ROOT)).append('[')
            .append(d.code()).append("]: ").append(d.message()).append("\n\n");
      } else {
        inFile.add(d);
      }
    }
    Diagnostic first = errors.get(0);
    String where = flag(first, overrides).orElse(file + ":" + first.range().startLine() + ":"
        + first.range().startColumn());
    String fix = flag(first, overrides).isPresent() ? "Fix the flag and run again."
        : "Fix the file and run again; `sky validate " + file + "` lists every finding.";
    throw new ApiError(new Problem("about:blank", "invalid-task", "Unprocessable Content", 422,
        where + ": " + first.message().replaceAll("\\.$", "")
            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "") + ". " + fix,
        dtos, fromFlags + Validation.render(inFile, text, file), null));
  }

  /** The flag a finding is about, when its node came from the command line. */
  private static Optional<String> flag(Diagnostic d, List<FieldOverride> overrides) {
    for (int i = overrides.size() - 1; i >= 0; i--) {
      if (overrides.get(i).covers(d)) {
        return Optional.of(overrides.get(i).flag());
      }
    }
    return d.range().equals(FieldOverride.RANGE) && !overrides.isEmpty()
        ? Optional.of("the command-line flags") : Optional.empty();
  }
}
