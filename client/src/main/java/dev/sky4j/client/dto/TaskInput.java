package dev.sky4j.client.dto;

import java.util.Map;

/**
 * What the user asked to run: the task YAML's text (or none for an inline command), where it came
 * from, and the command-line overrides. {@code baseDir} is the folder relative paths in the YAML
 * ({@code workdir}, {@code file_mounts}) are resolved against. {@code secrets} are sent once and
 * never stored or echoed by the server.
 */
public record TaskInput(
    String yaml,
    String yamlPath,
    String baseDir,
    String command,
    TaskOverrides overrides,
    Map<String, String> envs,
    Map<String, String> secrets) {
  public TaskInput {
    envs = envs == null ? Map.of() : envs;
    secrets = secrets == null ? Map.of() : secrets;
    overrides = overrides == null ? TaskOverrides.NONE : overrides;
  }

  /** A copy safe to store and return: secret values replaced. */
  public TaskInput redacted() {
    Map<String, String> hidden = new java.util.LinkedHashMap<>();
    secrets.keySet().forEach(k -> hidden.put(k, "<redacted>"));
    return new TaskInput(yaml, yamlPath, baseDir, command, overrides, envs, hidden);
  }
}
