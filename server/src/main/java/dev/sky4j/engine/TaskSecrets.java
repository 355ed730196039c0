package dev.sky4j.engine;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.requests.ApiError;
import dev.sky4j.spec.InlineSecrets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a task's secret values part from what is kept: the first thing the server does with a
 * task, before anything is stored or logged. Inline YAML values ({@code secrets: {K: v}}) are
 * cut out of the text and join the {@code --secret} values (which win, as in SkyPilot), so the
 * text that reaches request rows, managed-job rows, logs and error renderings holds only
 * {@code '<redacted>'}, and the values travel in {@link TaskInput#secrets()} alone: in memory
 * to the node's environment, or to a managed job's 0600 file.
 */
public final class TaskSecrets {
  private TaskSecrets() {}

  public static TaskInput separate(TaskInput in, Catalog catalog) {
    if (in == null || in.yaml() == null) {
      return in;
    }
    InlineSecrets.Split split;
    try {
      split = InlineSecrets.split(in.yaml());
    } catch (InlineSecrets.Inseparable e) {
      TaskResolver.checkFile(in, catalog); // a file with errors: report them, at their lines
      throw ApiError.badRequest("inseparable-secret", (in.yamlPath() == null ? "the task"
          : in.yamlPath()) + ": " + e.getMessage());
    }
    if (split.values().isEmpty()) {
      return in;
    }
    Map<String, String> secrets = new LinkedHashMap<>(split.values());
    secrets.putAll(in.secrets());
    return new TaskInput(split.text(), in.yamlPath(), in.baseDir(), in.command(), in.overrides(),
        in.envs(), secrets);
  }
}
