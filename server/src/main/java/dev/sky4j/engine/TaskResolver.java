package dev.sky4j.engine;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.client.dto.DiagnosticDto;
import dev.sky4j.client.dto.Problem;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.client.dto.TaskOverrides;
import dev.sky4j.requests.ApiError;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Turns what the user sent into a validated {@link Task} with core's one validator. Command-line
 * overrides are applied to the YAML document itself and the result validated again, so a bad
 * {@code --gpus} value is reported by the same rules and words as a bad {@code accelerators:}.
 */
final class TaskResolver {
  private TaskResolver() {}

  static Task resolve(TaskInput in, Catalog catalog) {
    String file = in.yamlPath() == null ? "<command line>" : in.yamlPath();
    String text = in.yaml() == null ? "" : in.yaml();
    if (!text.isBlank()) {
      failOnErrors(Validation.load(text, file, catalog), text, file);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    if (!text.isBlank()) {
      Object parsed = new Load(LoadSettings.builder().build()).loadFromString(text);
      if (parsed instanceof Map<?, ?> m) {
        m.forEach((k, v) -> doc.put(String.valueOf(k), v));
      }
    }
    boolean changed = applyOverrides(doc, in);
    String merged = changed ? new Dump(DumpSettings.builder().build()).dumpToString(doc) : text;
    String mergedName = changed ? file + " (with command-line flags)" : file;
    Validation.Loaded loaded = Validation.load(merged, mergedName, catalog);
    failOnErrors(loaded, merged, mergedName);
    if (loaded.tasks().size() != 1) {
      throw ApiError.badRequest("pipeline-not-supported", file + " holds " + loaded.tasks().size()
          + " tasks (a pipeline); sky launch runs one task: split it into one file per task");
    }
    return loaded.tasks().get(0);
  }

  private static void failOnErrors(Validation.Loaded loaded, String text, String file) {
    List<Diagnostic> errors = loaded.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (errors.isEmpty()) {
      return;
    }
    List<DiagnosticDto> dtos = new ArrayList<>();
    for (Diagnostic d : loaded.diagnostics()) {
      dtos.add(new DiagnosticDto(d.severity().name(), d.code(), d.message(), file,
          d.range().startLine(), d.range().startColumn(), d.range().endLine(),
          d.range().endColumn(), d.jsonPath()));
    }
    String first = errors.get(0).message();
    throw new ApiError(new Problem("about:blank", "invalid-task", "Unprocessable Content", 422,
        file + ":" + errors.get(0).range().startLine() + ":" + errors.get(0).range().startColumn()
            + ": " + first + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")
            + ". Fix the file and run again; `sky validate " + file + "` lists every finding.",
        dtos, Validation.render(loaded.diagnostics(), text, file), null));
  }

  @SuppressWarnings("unchecked")
  private static boolean applyOverrides(Map<String, Object> doc, TaskInput in) {
    TaskOverrides o = in.overrides();
    boolean changed = false;
    if (in.command() != null && !in.command().isBlank()) {
      doc.put("run", in.command());
      changed = true;
    }
    changed |= put(doc, "name", o.name());
    changed |= put(doc, "workdir", o.workdir());
    changed |= put(doc, "num_nodes", o.numNodes());
    Map<String, Object> res = doc.get("resources") instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    boolean r = false;
    r |= put(res, "accelerators", "none".equalsIgnoreCase(o.gpus()) ? null : o.gpus());
    r |= put(res, "cpus", o.cpus());
    r |= put(res, "memory", o.memory());
    r |= put(res, "disk_size", o.diskSize());
    r |= put(res, "infra", o.infra());
    r |= put(res, "use_spot", o.useSpot());
    r |= put(res, "instance_type", o.instanceType());
    if ("none".equalsIgnoreCase(o.gpus())) {
      res.remove("accelerators");
      r = true;
    }
    if (r) {
      doc.put("resources", res);
      changed = true;
    }
    changed |= merge(doc, "envs", in.envs());
    changed |= merge(doc, "secrets", in.secrets());
    return changed;
  }

  private static boolean put(Map<String, Object> m, String key, Object value) {
    if (value == null) {
      return false;
    }
    m.put(key, value);
    return true;
  }

  @SuppressWarnings("unchecked")
  private static boolean merge(Map<String, Object> doc, String key, Map<String, String> values) {
    if (values.isEmpty()) {
      return false;
    }
    Map<String, Object> m = doc.get(key) instanceof Map<?, ?> old
        ? new LinkedHashMap<>((Map<String, Object>) old) : new LinkedHashMap<>();
    m.putAll(values);
    doc.put(key, m);
    return true;
  }
}
