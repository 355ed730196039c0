package dev.sky4j.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $VAR} and {@code ${VAR}} in {@code file_mounts}, {@code workdir}, {@code service} and
 * {@code volumes} (SkyPilot's {@code Task._fill_in_env_vars}): filled from the task's envs and
 * secrets (a secret wins over an env of the same name), keys included. A name with no value stays
 * as written, as in SkyPilot (the validator warns about braced names the task does not define).
 */
public final class EnvReferences {
  /** {@code ${NAME}} with a bash-valid name; group 1 is the name. */
  public static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-zA-Z_][a-zA-Z0-9_]*)\\}");

  /**
   * What SkyPilot replaces: {@code $NAME} or {@code ${NAME}} (its regex, braces optional on both
   * sides); group 1 is the name.
   */
  public static final Pattern SUBSTITUTED = Pattern.compile("\\$\\{?\\b([a-zA-Z_][a-zA-Z0-9_]*)\\b\\}?");

  /** The task fields SkyPilot substitutes into. */
  public static final List<String> FIELDS = List.of("file_mounts", "workdir", "service", "volumes");

  private EnvReferences() {}

  /** {@code text} with each {@code $NAME}/{@code ${NAME}} that has a non-null value replaced by it. */
  public static String fill(String text, Map<String, String> values) {
    if (text == null || text.indexOf('$') < 0) {
      return text;
    }
    Matcher m = SUBSTITUTED.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The values to substitute: envs, then secrets over them; nulls (given at launch) left out. */
  public static Map<String, String> values(Map<String, String> envs, Map<String, String> secrets) {
    Map<String, String> all = new LinkedHashMap<>();
    envs.forEach((k, v) -> {
      if (v != null) {
        all.put(k, v);
      }
    });
    secrets.forEach((k, v) -> {
      if (v != null) {
        all.put(k, v);
      }
    });
    return all;
  }

  /**
   * The task with {@code f} applied to every string of the substituted fields: filling
   * references when a task is built, hiding secret values when it is redacted.
   */
  static Task mapStrings(Task t, UnaryOperator<String> f) {
    List<FileMount> mounts = new ArrayList<>();
    for (FileMount m : t.fileMounts()) {
      if (m instanceof FileMount.Copy c) {
        mounts.add(new FileMount.Copy(f.apply(c.destination()), f.apply(c.source())));
      } else if (m instanceof FileMount.Storage s) {
        mounts.add(new FileMount.Storage(f.apply(s.destination()), f.apply(s.name()),
            s.sources().stream().map(f).toList(), s.store(), s.mode(), s.persistent()));
      }
    }
    Map<String, Object> extra = new LinkedHashMap<>(t.extra());
    for (String k : List.of("service", "volumes")) {
      if (extra.containsKey(k)) {
        extra.put(k, plain(extra.get(k), f));
      }
    }
    return new Task(t.name(), f.apply(t.workdir()), f.apply(t.workdirGitRef()), t.numNodes(),
        t.resources(), t.envs(), t.secrets(), mounts, t.setup(), t.run(), t.hooks(), extra);
  }

  /** Keys too: SkyPilot substitutes the field's whole JSON text. */
  private static Object plain(Object v, UnaryOperator<String> f) {
    if (v instanceof String s) {
      return f.apply(s);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(plain(x, f)));
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(f.apply(String.valueOf(k)), plain(x, f)));
      return Collections.unmodifiableMap(out);
    }
    return v;
  }
}
