package dev.sky4j.spec;

import java.util.List;
import java.util.Map;

/**
 * An immutable, validated task: what {@code sky launch} runs. Built by {@link TaskLoader} only
 * from a file that has no errors. {@code secrets} hold real values: never log or persist them
 * (see {@link #redacted()}). Fields the runtime does not support yet are kept in {@code extra} so
 * the launch path can say "not supported yet" instead of ignoring them.
 */
public record Task(
    String name,
    String workdir,
    String workdirGitRef,
    int numNodes,
    ResourceChoices resources,
    Map<String, String> envs,
    Map<String, String> secrets,
    List<FileMount> fileMounts,
    String setup,
    String run,
    List<Hook> hooks,
    Map<String, Object> extra) {

  public Task {
    // insertion order is the user's; values may be null until --env/--secret fills them
    envs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(envs));
    secrets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secrets));
    fileMounts = List.copyOf(fileMounts);
    hooks = List.copyOf(hooks);
    extra = Map.copyOf(extra);
  }

  /**
   * The same task with every secret value replaced, safe to print or store: in {@code secrets},
   * and where {@code ${NAME}} put a secret into file_mounts, workdir, service or volumes.
   */
  public Task redacted() {
    Map<String, String> hidden = new java.util.LinkedHashMap<>();
    secrets.keySet().forEach(k -> hidden.put(k, "<redacted>"));
    List<String> values = secrets.values().stream()
        .filter(v -> v != null && !v.isEmpty()).distinct().toList();
    Task out = new Task(name, workdir, workdirGitRef, numNodes, resources, envs, hidden, fileMounts,
        setup, run, hooks, extra);
    return values.isEmpty() ? out : EnvReferences.mapStrings(out, s -> {
      String r = s;
      for (String v : values) {
        r = r == null ? null : r.replace(v, "<redacted>");
      }
      return r;
    });
  }
}
