package dev.sky4j.jobs;

import dev.sky4j.agent.fs.Namespaces;
import dev.sky4j.client.dto.TaskInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Bucket-like storage mounts ({@code file_mounts: /checkpoint: {name: ckpt, mode: MOUNT}}) on the
 * local cloud. The "bucket" is the folder {@code $SKY4J_HOME/buckets/<name>} on this machine,
 * outside every node, so it survives preemption and teardown. Where nodes get a private root
 * ({@link Namespaces}), the engine binds the bucket at {@code /checkpoint} itself like any launch
 * does, and this class only adds {@code SKY4J_MOUNT_CHECKPOINT=/checkpoint}. The fallback, for
 * hosts without mount namespaces (whose node processes cannot create {@code /checkpoint}),
 * makes the mount visible three ways: the task's {@code run} and {@code setup} text has the
 * absolute mount path rewritten to the bucket folder, {@code SKY4J_MOUNT_<NAME>} (e.g.
 * {@code SKY4J_MOUNT_CHECKPOINT}) points at it, and {@code ~/checkpoint} on each node is a symlink
 * to it. A program that hard-codes {@code /checkpoint} in its own source should read the variable.
 */
final class StorageMounts {
  private StorageMounts() {}

  /** A storage mount the task asked for, and the folder that plays its bucket. */
  record Mount(String destination, String name, Path bucket) {
    String envName() {
      String s = destination.replaceAll("^/+", "").replaceAll("[^A-Za-z0-9]+", "_");
      return "SKY4J_MOUNT_" + s.toUpperCase(Locale.ROOT);
    }
  }

  /** The task with its storage mounts made local (buckets created); unchanged when it has none. */
  @SuppressWarnings("unchecked")
  static TaskInput apply(TaskInput in, Path bucketsRoot) throws IOException {
    if (in.yaml() == null || in.yaml().isBlank()) {
      return in;
    }
    Object parsed = new Load(LoadSettings.builder().build()).loadFromString(in.yaml());
    if (!(parsed instanceof Map<?, ?> top) || !(top.get("file_mounts") instanceof Map<?, ?> fm)) {
      return in;
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    top.forEach((k, v) -> doc.put(String.valueOf(k), v));
    Map<String, Object> kept = new LinkedHashMap<>();
    List<Mount> mounts = new ArrayList<>();
    for (Map.Entry<?, ?> e : fm.entrySet()) {
      String dest = String.valueOf(e.getKey());
      if (e.getValue() instanceof Map<?, ?> spec && spec.get("name") != null
          && (spec.get("source") == null || String.valueOf(spec.get("source")).isEmpty())
          && spec.get("store") == null) {
        String name = String.valueOf(spec.get("name"));
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
          throw new IOException("storage name '" + name + "' (mounted at " + dest + ") is not a "
              + "valid bucket name: use letters, digits, '.', '_' and '-'");
        }
        Path bucket = bucketsRoot.resolve(name).toAbsolutePath();
        Files.createDirectories(bucket);
        mounts.add(new Mount(dest, name, bucket));
      } else {
        kept.put(dest, e.getValue());
      }
    }
    if (mounts.isEmpty()) {
      return in;
    }
    if (Namespaces.availability().available()) {
      // nodes have a private root: the engine binds the bucket at the path itself
      return withEnvs(in, mounts);
    }
    if (kept.isEmpty()) {
      doc.remove("file_mounts");
    } else {
      doc.put("file_mounts", kept);
    }
    putEnvs(doc, mounts, m -> m.bucket().toString());
    for (String phase : List.of("setup", "run")) {
      if (doc.get(phase) instanceof String script) {
        doc.put(phase, prelude(mounts) + rewrite(script, mounts));
      }
    }
    String yaml = new Dump(DumpSettings.builder().build()).dumpToString(doc);
    return new TaskInput(yaml, in.yamlPath(), in.baseDir(), in.command() == null ? null
        : prelude(mounts) + rewrite(in.command(), mounts), in.overrides(), in.envs(), in.secrets());
  }

  /**
   * The task with only {@code SKY4J_MOUNT_<NAME>} added (the mount path itself), as env
   * overrides: the YAML text is left as written, so its values keep their types.
   */
  private static TaskInput withEnvs(TaskInput in, List<Mount> mounts) {
    Map<String, String> envs = new LinkedHashMap<>(in.envs());
    for (Mount m : mounts) {
      envs.putIfAbsent(m.envName(), m.destination());
    }
    return new TaskInput(in.yaml(), in.yamlPath(), in.baseDir(), in.command(), in.overrides(),
        envs, in.secrets());
  }

  @SuppressWarnings("unchecked")
  private static void putEnvs(Map<String, Object> doc, List<Mount> mounts,
      Function<Mount, String> value) {
    Map<String, Object> envs = doc.get("envs") instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    for (Mount m : mounts) {
      envs.put(m.envName(), value.apply(m));
    }
    doc.put("envs", envs);
  }

  /** {@code ~/<dest>} on each node links to the bucket, for people who ssh in. */
  private static String prelude(List<Mount> mounts) {
    StringBuilder sb = new StringBuilder();
    for (Mount m : mounts) {
      String rel = m.destination().replaceAll("^/+", "");
      int slash = rel.lastIndexOf('/');
      if (slash > 0) {
        sb.append("mkdir -p \"$HOME/").append(rel, 0, slash).append("\"; ");
      }
      sb.append("ln -sfn '").append(m.bucket()).append("' \"$HOME/").append(rel)
          .append("\" 2>/dev/null || true\n");
    }
    return sb.toString();
  }

  /** Replaces the absolute mount path where it stands as a path (not inside a longer name). */
  static String rewrite(String script, List<Mount> mounts) {
    String out = script;
    for (Mount m : mounts) {
      String dest = m.destination().replaceAll("/+$", "");
      Pattern p = Pattern.compile("(?<![\\w./-])" + Pattern.quote(dest) + "(?=$|[/\\s'\"`;:)}|&<>,])");
      out = p.matcher(out).replaceAll(Matcher.quoteReplacement(m.bucket().toString()));
    }
    return out;
  }
}
