package dev.sky4j.spec;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a {@link Task} from a document the validator found no errors in. */
final class TaskBuilder {
  /** Top-level fields the runtime reads; everything else goes to {@link Task#extra()}. */
  private static final Set<String> MODELLED = Set.of("name", "workdir", "num_nodes", "resources",
      "envs", "secrets", "file_mounts", "setup", "run");

  private final Catalog catalog;

  TaskBuilder(Catalog catalog) {
    this.catalog = catalog;
  }

  Task build(YNode.Mapping m) {
    String workdir = null;
    String ref = null;
    YNode wd = m.get("workdir");
    if (wd instanceof YNode.Mapping w) {
      workdir = PlainValues.str(w.get("url"));
      ref = PlainValues.str(w.get("ref"));
    } else {
      workdir = PlainValues.str(wd);
    }
    int numNodes = m.get("num_nodes") instanceof YNode.Scalar n && n.value() instanceof Long l
        ? l.intValue() : 1;
    Map<String, Object> extra = new LinkedHashMap<>();
    ResourceChoices resources = m.get("resources") instanceof YNode.Mapping r
        ? new ResourcesBuilder(catalog).build(r, extra)
        : ResourceChoices.single(Resources.any());
    List<Hook> hooks = new ArrayList<>();
    for (YNode.Entry e : m.entries()) {
      String k = e.key().text();
      if (k.equals("config") && e.value() instanceof YNode.Mapping cfg) {
        hooks.addAll(hooks(cfg.get("hooks")));
        Map<String, Object> rest = new LinkedHashMap<>();
        cfg.entries().stream().filter(c -> !c.key().text().equals("hooks"))
            .forEach(c -> rest.put(c.key().text(), PlainValues.of(c.value())));
        if (!rest.isEmpty()) {
          extra.put("config", rest);
        }
      } else if (!MODELLED.contains(k) && !(e.value() instanceof YNode.Scalar s && s.isNull())) {
        extra.put(k, PlainValues.of(e.value()));
      }
    }
    Map<String, String> envs = strings(m.get("envs"));
    Map<String, String> secrets = secrets(m.get("secrets"));
    Task raw = new Task(PlainValues.str(m.get("name")), workdir, ref, numNodes, resources,
        envs, secrets, fileMounts(m.get("file_mounts")),
        PlainValues.str(m.get("setup")), PlainValues.str(m.get("run")), hooks, extra);
    Map<String, String> values = EnvReferences.values(envs, secrets);
    return values.isEmpty() ? raw : EnvReferences.mapStrings(raw, s -> EnvReferences.fill(s, values));
  }

  private static Map<String, String> strings(YNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n instanceof YNode.Mapping m) {
      m.entries().forEach(e -> out.put(e.key().text(), PlainValues.pythonStr(e.value())));
    }
    return out;
  }

  private static Map<String, String> secrets(YNode n) {
    if (n instanceof YNode.Sequence seq) {
      Map<String, String> out = new LinkedHashMap<>();
      seq.items().forEach(i -> out.put(PlainValues.str(i), null));
      return out;
    }
    return strings(n);
  }

  private static List<FileMount> fileMounts(YNode n) {
    List<FileMount> out = new ArrayList<>();
    if (!(n instanceof YNode.Mapping m)) {
      return out;
    }
    for (YNode.Entry e : m.entries()) {
      String dst = e.key().text();
      if (e.value() instanceof YNode.Mapping s) {
        List<String> sources = new ArrayList<>();
        YNode src = s.get("source");
        if (src instanceof YNode.Sequence seq) {
          seq.items().forEach(i -> sources.add(PlainValues.str(i)));
        } else if (PlainValues.str(src) != null) {
          sources.add(PlainValues.str(src));
        }
        String mode = PlainValues.str(s.get("mode"));
        boolean persistent = !(s.get("persistent") instanceof YNode.Scalar p && Boolean.FALSE.equals(p.value()));
        String store = PlainValues.str(s.get("store"));
        out.add(new FileMount.Storage(dst, PlainValues.str(s.get("name")), sources,
            store == null ? null : store.toLowerCase(java.util.Locale.ROOT),
            mode == null ? "MOUNT" : mode.toUpperCase(java.util.Locale.ROOT), persistent));
      } else if (PlainValues.str(e.value()) != null) {
        out.add(new FileMount.Copy(dst, PlainValues.str(e.value())));
      }
    }
    return out;
  }

  private static List<Hook> hooks(YNode n) {
    List<Hook> out = new ArrayList<>();
    if (n instanceof YNode.Sequence seq) {
      for (YNode item : seq.items()) {
        YNode.Mapping h = (YNode.Mapping) item;
        List<String> events = new ArrayList<>();
        if (h.get("events") instanceof YNode.Sequence ev) {
          ev.items().forEach(x -> events.add(PlainValues.str(x)));
        } else {
          events.addAll(List.of("stop", "preemption", "down"));
        }
        int timeout = h.get("timeout") instanceof YNode.Scalar t && t.value() instanceof Long l
            ? l.intValue() : Hook.DEFAULT_TIMEOUT_SECONDS;
        out.add(new Hook(PlainValues.str(h.get("run")), events, timeout));
      }
    }
    return out;
  }
}
