package dev.sky4j.spec.validate;

import dev.sky4j.spec.Names;
import dev.sky4j.spec.Severity;
import dev.sky4j.spec.yaml.ScalarKind;
import dev.sky4j.spec.yaml.YNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Value rules of the task's top level (SkyPilot's {@code Task.from_yaml_config}): name, envs and
 * secrets, file mount destinations, service vs pool, and lifecycle hooks.
 */
final class TaskRules {
  private static final int MAX_HOOKS = 32;
  private static final int MAX_HOOK_CHARS = 16384;

  /** Where SkyPilot syncs the workdir on every node. */
  static final String REMOTE_WORKDIR = "~/sky_workdir";
  private static final Pattern CLOUD_URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/]");

  private final Findings out;

  TaskRules(Findings out) {
    this.out = out;
  }

  void check(YNode.Mapping task) {
    if (task.get("name") instanceof YNode.Scalar s && s.kind() == ScalarKind.STRING
        && !Names.isValidTaskName(s.text())) {
      out.error("invalid-name", "Invalid task name '" + s.text() + "'. Valid names use "
          + Names.TASK_NAME_RULE + ".", s, "$.name");
    }
    nullValues(task.get("envs"), "$.envs", "env-null", "--env");
    secrets(task.get("secrets"));
    if (task.get("file_mounts") instanceof YNode.Mapping fm) {
      fileMounts(fm, task.get("workdir") != null && !isNull(task.get("workdir")));
    }
    YNode.Entry service = task.entry("service");
    YNode.Entry pool = task.entry("pool");
    if (service != null && pool != null && !isNull(service.value()) && !isNull(pool.value())) {
      out.error("service-and-pool", "A task cannot have both service and pool. Keep service to"
          + " serve replicas, or pool for a worker pool.", pool.key(), "$.pool");
    }
    if (task.get("config") instanceof YNode.Mapping cfg && cfg.get("hooks") instanceof YNode.Sequence hooks) {
      hooks(hooks);
    }
  }

  private static boolean isNull(YNode n) {
    return n instanceof YNode.Scalar s && s.isNull();
  }

  private void nullValues(YNode block, String path, String code, String flag) {
    if (!(block instanceof YNode.Mapping m)) {
      return;
    }
    for (YNode.Entry e : m.entries()) {
      if (isNull(e.value()) && !e.key().text().startsWith("secrets:")) {
        String k = e.key().text();
        out.warning(code, "'" + k + "' has no value here, so it must be given at launch: sky launch "
            + flag + " " + k + "=<value> (or " + flag + " " + k + " to pass it from your shell).",
            e.key(), path + "." + k);
      }
    }
  }

  private void secrets(YNode secrets) {
    if (secrets instanceof YNode.Sequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        if (seq.items().get(i) instanceof YNode.Scalar s && s.kind() == ScalarKind.STRING
            && !isSecretRef(s.text())) {
          String fixed = "secrets:" + s.text().replaceAll("^secrets?:?", "");
          out.add(Severity.ERROR, "invalid-secret-ref", "A secrets list holds managed secret"
              + " references written secrets:NAME, found '" + s.text() + "'. Write '" + fixed
              + "', or use a mapping NAME: value.", s.range(), "$.secrets[" + i + "]",
              "Replace with '" + fixed + "'", fixed);
        }
      }
    } else if (secrets instanceof YNode.Mapping m) {
      for (YNode.Entry e : m.entries()) {
        if (e.key().text().startsWith("secrets:") && !isNull(e.value())) {
          out.error("invalid-secret-ref", "'" + e.key().text() + "' refers to a managed secret, so"
              + " it cannot have a value here. Remove the value (leave it empty).", e.value(),
              "$.secrets." + e.key().text());
        }
      }
      nullValues(m, "$.secrets", "secret-null", "--secret");
    }
  }

  private static boolean isSecretRef(String s) {
    return s.startsWith("secrets:") && s.length() > "secrets:".length();
  }

  /**
   * SkyPilot's rules for mount destinations and sources ({@code Task.set_file_mounts},
   * {@code set_storage_mounts}, {@code expand_and_validate_file_mounts}). A relative destination
   * is fine (it is resolved from the remote home); {@code ~/sky_workdir} is taken only when a
   * workdir is synced there, and only that exact path.
   */
  private void fileMounts(YNode.Mapping fm, boolean hasWorkdir) {
    for (YNode.Entry e : fm.entries()) {
      String dst = e.key().text();
      String path = "$.file_mounts." + dst;
      boolean copy = e.value() instanceof YNode.Scalar;
      if (CLOUD_URL.matcher(dst).lookingAt()) {
        out.error("invalid-mount-path", "File mount destination '" + dst + "' is a bucket URL; a"
            + " destination is a path on the node (/data, ~/data). Swap destination and source?",
            e.key(), path);
      } else if (copy && dst.length() > 1 && dst.endsWith("/")) {
        String fixed = dst.replaceAll("/+$", "");
        out.add(Severity.ERROR, "invalid-mount-path", "File mount destination '" + dst
            + "' must not end with '/' (SkyPilot: \"Mount paths cannot end with a slash\"). Write '"
            + fixed + "'.", e.key().range(), path, "Replace with '" + fixed + "'", fixed);
      } else if (hasWorkdir && dst.equals(REMOTE_WORKDIR)) {
        out.error("invalid-mount-path", "'" + dst + "' is where workdir is synced; mount somewhere"
            + " else, or give the full path of a file or folder inside it.", e.key(), path);
      }
      if (e.value() instanceof YNode.Mapping storage && missing(storage.get("name"))
          && missing(storage.get("source"))) {
        out.error("storage-missing-source", "Storage mounted at '" + dst + "' needs a name (an"
            + " existing or new bucket) or a source (local folder or bucket URL): one of them is"
            + " required. Add name: or source:.", storage, path);
      }
      if (e.value() instanceof YNode.Scalar s && s.kind() == ScalarKind.STRING) {
        if (s.text().isBlank()) {
          out.error("invalid-mount-path", "File mount '" + dst + "' has an empty source. Give a local"
              + " path or a URL.", s, path);
        } else if (s.text().length() > 1 && s.text().endsWith("/")) {
          String fixed = s.text().replaceAll("/+$", "");
          out.add(Severity.ERROR, "invalid-mount-path", "File mount source '" + s.text()
              + "' must not end with '/' (SkyPilot: \"Mount paths cannot end with a slash\"). Write '"
              + fixed + "'.", s.range(), path, "Replace with '" + fixed + "'", fixed);
        }
      }
    }
  }

  private static boolean missing(YNode n) {
    return n == null || isNull(n) || (n instanceof YNode.Sequence seq && seq.items().isEmpty());
  }

  private void hooks(YNode.Sequence hooks) {
    if (hooks.items().size() > MAX_HOOKS) {
      out.error("invalid-hook", "At most " + MAX_HOOKS + " hooks are allowed, found "
          + hooks.items().size() + ". Combine some scripts.", hooks, "$.config.hooks");
    }
    for (int i = 0; i < hooks.items().size(); i++) {
      String path = "$.config.hooks[" + i + "]";
      if (!(hooks.items().get(i) instanceof YNode.Mapping h)) {
        continue;
      }
      if (h.get("run") instanceof YNode.Scalar run && run.kind() == ScalarKind.STRING) {
        int n = run.text().codePointCount(0, run.text().length());
        if (n < 1 || n > MAX_HOOK_CHARS) {
          out.error("invalid-hook", "A hook's run script must have 1 to " + MAX_HOOK_CHARS
              + " characters, found " + n + ".", run, path + ".run");
        }
      }
      if (h.get("events") instanceof YNode.Sequence ev) {
        if (ev.items().isEmpty()) {
          out.error("invalid-hook", "A hook's events list is empty. List at least one of stop,"
              + " preemption, down (or remove events: for all three).", ev, path + ".events");
        }
        Set<String> seen = new HashSet<>();
        for (YNode item : ev.items()) {
          if (item instanceof YNode.Scalar s && !seen.add(s.text())) {
            out.error("invalid-hook", "Event '" + s.text() + "' is listed twice. Remove one.", s,
                path + ".events");
          }
        }
      }
    }
  }
}
