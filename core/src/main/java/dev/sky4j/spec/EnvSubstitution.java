package dev.sky4j.spec;

import dev.sky4j.spec.yaml.ScalarKind;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The substitution step SkyPilot runs before it checks file mounts, storage, workdir, volumes and
 * service ({@code Task._fill_in_env_vars}): every {@code $NAME}/{@code ${NAME}} with a value is
 * replaced in those fields' strings, keys included, so the checks see the values that will be
 * used. A reference to an env whose value is given only at launch ({@code envs: {DATA: }}, no
 * {@code --env}) stays as written and its scalar is listed as deferred: the checks that read it
 * wait for the launch.
 */
public final class EnvSubstitution {
  /**
   * The document with values filled in (ranges unchanged), the scalars left for launch, and the
   * scalars whose text changed (a fix computed from a filled value must not replace the source).
   */
  public record Result(YNode.Mapping task, List<SourceRange> deferred, List<SourceRange> filled) {}

  private EnvSubstitution() {}

  /**
   * The values a task document substitutes: its envs, then inline secrets over them, then
   * {@code overrides} (the CLI's {@code --env}). A null value means "given at launch".
   */
  public static Map<String, String> envsOf(YNode.Mapping task, Map<String, String> overrides) {
    Map<String, String> all = new LinkedHashMap<>();
    if (task.get("envs") instanceof YNode.Mapping envs) {
      envs.entries().forEach(e -> all.put(e.key().text(), PlainValues.pythonStr(e.value())));
    }
    if (task.get("secrets") instanceof YNode.Mapping secrets) {
      secrets.entries().forEach(e -> {
        String v = PlainValues.pythonStr(e.value());
        if (v != null || !all.containsKey(e.key().text())) {
          all.put(e.key().text(), v);
        }
      });
    }
    if (overrides != null) {
      all.putAll(overrides);
    }
    return all;
  }

  /** {@code task} with {@code envs} filled into {@link EnvReferences#FIELDS}. */
  public static Result apply(YNode.Mapping task, Map<String, String> envs) {
    if (envs.isEmpty()) {
      return new Result(task, List.of(), List.of());
    }
    Ranges seen = new Ranges(new ArrayList<>(), new ArrayList<>());
    List<YNode.Entry> entries = new ArrayList<>();
    for (YNode.Entry e : task.entries()) {
      entries.add(EnvReferences.FIELDS.contains(e.key().text())
          ? new YNode.Entry(e.key(), fill(e.value(), envs, seen)) : e);
    }
    return new Result(new YNode.Mapping(entries, task.range()), List.copyOf(seen.deferred),
        List.copyOf(seen.filled));
  }

  private record Ranges(List<SourceRange> deferred, List<SourceRange> filled) {
  }

  private static YNode fill(YNode n, Map<String, String> envs, Ranges seen) {
    if (n instanceof YNode.Scalar s) {
      return scalar(s, envs, seen);
    }
    if (n instanceof YNode.Sequence seq) {
      List<YNode> items = new ArrayList<>();
      seq.items().forEach(i -> items.add(fill(i, envs, seen)));
      return new YNode.Sequence(items, seq.range());
    }
    YNode.Mapping m = (YNode.Mapping) n;
    List<YNode.Entry> entries = new ArrayList<>();
    for (YNode.Entry e : m.entries()) {
      entries.add(new YNode.Entry(scalar(e.key(), envs, seen), fill(e.value(), envs, seen)));
    }
    return new YNode.Mapping(entries, m.range());
  }

  private static YNode.Scalar scalar(YNode.Scalar s, Map<String, String> envs, Ranges seen) {
    if (s.kind() != ScalarKind.STRING || s.text().indexOf('$') < 0) {
      return s;
    }
    Matcher m = EnvReferences.SUBSTITUTED.matcher(s.text());
    while (m.find()) {
      if (envs.containsKey(m.group(1)) && envs.get(m.group(1)) == null) {
        seen.deferred.add(s.range());
        break;
      }
    }
    String filled = EnvReferences.fill(s.text(), envs);
    if (filled.equals(s.text())) {
      return s;
    }
    seen.filled.add(s.range());
    // still a string: SkyPilot substitutes inside its JSON text, so "8080" stays "8080"
    return new YNode.Scalar(filled, ScalarKind.STRING, filled, s.range());
  }
}
