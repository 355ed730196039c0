package dev.sky4j.spec.validate;

import dev.sky4j.spec.Severity;
import dev.sky4j.spec.schema.Clouds;
import dev.sky4j.spec.yaml.ScalarKind;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Value rules of {@code resources} that a schema cannot say well (SkyPilot's
 * {@code Resources.from_yaml_config} and §1.4): accelerator syntax, cpus/memory/disk sizes, infra,
 * ports, autostop times, and the any_of/ordered combinations.
 */
final class ResourceRules {
  private final Findings out;

  ResourceRules(Findings out) {
    this.out = out;
  }

  void check(YNode.Mapping res, String path) {
    checkSingle(res, path);
    YNode.Entry anyOf = res.entry("any_of");
    YNode.Entry ordered = res.entry("ordered");
    if (anyOf != null && ordered != null) {
      out.error("any-of-and-ordered", "Cannot specify both \"any_of\" and \"ordered\" in resources."
          + " Keep one: any_of lets the cheapest win, ordered tries candidates in order.",
          ordered.key(), path + ".ordered");
    }
    YNode acc = accelerators(res);
    if (ordered != null && acc != null && count(acc) > 1) {
      out.error("ordered-multiple-accelerators", "Cannot specify multiple \"accelerators\" with"
          + " \"ordered\" in resources. Put each accelerator in its own ordered item.", acc,
          path + ".accelerators");
    }
    if (anyOf != null && acc instanceof YNode.Sequence s && s.items().size() > 1) {
      out.error("ordered-multiple-accelerators", "Cannot specify multiple \"accelerators\" with"
          + " preferred order (a list of accelerators) with \"any_of\" in resources. Use a set"
          + " {A: 1, B: 1} or put each accelerator in an any_of item.", acc, path + ".accelerators");
    }
    for (String list : List.of("any_of", "ordered")) {
      if (res.get(list) instanceof YNode.Sequence s) {
        for (int i = 0; i < s.items().size(); i++) {
          if (s.items().get(i) instanceof YNode.Mapping item) {
            checkSingle(item, path + "." + list + "[" + i + "]");
          }
        }
      }
    }
  }

  static YNode accelerators(YNode.Mapping res) {
    YNode a = res.get("accelerators");
    return a != null ? a : res.get("gpus");
  }

  private static int count(YNode acc) {
    if (acc instanceof YNode.Sequence s) {
      return s.items().size();
    }
    return acc instanceof YNode.Mapping m ? m.entries().size() : 1;
  }

  private void checkSingle(YNode.Mapping r, String path) {
    YNode.Entry gpus = r.entry("gpus");
    if (gpus != null && r.entry("accelerators") != null) {
      out.error("gpus-and-accelerators", "Cannot specify both gpus and accelerators: gpus is an alias."
          + " Remove one of them.", gpus.key(), path + ".gpus");
    }
    YNode acc = accelerators(r);
    if (acc != null) {
      accelerators(acc, path + "." + (gpus != null && r.entry("accelerators") == null ? "gpus" : "accelerators"));
    }
    infra(r, path);
    amount(r, "cpus", path, "invalid-cpus", true);
    amount(r, "memory", path, "invalid-memory", false);
    size(r, "disk_size", path);
    size(r, "ephemeral_storage", path);
    ports(r.get("ports"), path + ".ports");
    autostop(r.get("autostop"), path + ".autostop");
    localDisk(r.get("local_disk"), path + ".local_disk");
    if (r.get("max_hourly_cost") instanceof YNode.Scalar s && s.value() instanceof Number n
        && !(n.doubleValue() > 0)) {
      out.error("out-of-range", "max_hourly_cost must be more than 0 (USD per node per hour), found "
          + s.text() + ". Remove it for no limit.", s, path + ".max_hourly_cost");
    }
  }

  private void accelerators(YNode acc, String path) {
    if (acc instanceof YNode.Scalar s && (s.kind() == ScalarKind.STRING || s.kind() == ScalarKind.INTEGER)) {
      one(AcceleratorSyntax.parse(s.text()), s, path);
    } else if (acc instanceof YNode.Sequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        if (seq.items().get(i) instanceof YNode.Scalar s && s.kind() == ScalarKind.STRING) {
          one(AcceleratorSyntax.parse(s.text()), s, path + "[" + i + "]");
        }
      }
    } else if (acc instanceof YNode.Mapping m) {
      for (YNode.Entry e : m.entries()) {
        Double count = e.value() instanceof YNode.Scalar v && v.value() instanceof Number n ? n.doubleValue() : null;
        one(AcceleratorSyntax.parseEntry(e.key().text(), count), count == null ? e.key() : e.value(),
            path + "." + e.key().text());
      }
    }
  }

  private void one(AcceleratorSyntax.Result r, YNode at, String path) {
    if (!r.ok()) {
      String code = r.error().startsWith("Accelerator count") ? "invalid-accelerator-count" : "invalid-accelerator";
      out.error(code, r.error(), at, path);
    }
  }

  private void infra(YNode.Mapping r, String path) {
    YNode.Entry infra = r.entry("infra");
    if (infra == null || !(infra.value() instanceof YNode.Scalar s) || s.kind() != ScalarKind.STRING) {
      return;
    }
    for (String legacy : List.of("cloud", "region", "zone")) {
      YNode.Entry e = r.entry(legacy);
      if (e != null && !(e.value() instanceof YNode.Scalar v && v.isNull())) {
        out.error("infra-conflict", "Cannot specify both infra and cloud, region, or zone parameters."
            + " Fold '" + legacy + "' into infra (cloud/region/zone) and remove it.", e.key(),
            path + "." + legacy);
      }
    }
    String problem = InfraSpec.problem(s.text());
    if (problem != null) {
      String fixed = InfraSpec.fixCloud(s.text());
      out.add(Severity.ERROR, "invalid-infra", problem, s.range(), path + ".infra",
          fixed == null ? null : "Replace with '" + fixed + "'", fixed);
    }
  }

  private void amount(YNode.Mapping r, String key, String path, String code, boolean cpus) {
    if (r.get(key) instanceof YNode.Scalar s && !s.isNull() && s.kind() != ScalarKind.BOOLEAN) {
      try {
        if (cpus) {
          Quantities.cpus(s.text());
        } else {
          Quantities.memory(s.text());
        }
      } catch (IllegalArgumentException e) {
        out.error(code, e.getMessage(), s, path + "." + key);
      }
    }
  }

  private void size(YNode.Mapping r, String key, String path) {
    if (r.get(key) instanceof YNode.Scalar s && (s.kind() == ScalarKind.STRING || s.kind() == ScalarKind.INTEGER)) {
      try {
        Quantities.diskSizeGb(s.text());
      } catch (IllegalArgumentException e) {
        out.error("invalid-disk-size", e.getMessage().replace("disk_size", key), s, path + "." + key);
      }
    }
  }

  private void ports(YNode ports, String path) {
    List<YNode.Scalar> items = new ArrayList<>();
    if (ports instanceof YNode.Scalar s && !s.isNull()) {
      items.add(s);
    } else if (ports instanceof YNode.Sequence seq) {
      seq.items().forEach(i -> {
        if (i instanceof YNode.Scalar s) {
          items.add(s);
        }
      });
    }
    for (YNode.Scalar s : items) {
      if (s.kind() != ScalarKind.STRING && s.kind() != ScalarKind.INTEGER) {
        continue;
      }
      try {
        Quantities.port(s.kind() == ScalarKind.INTEGER ? s.value() : s.text());
      } catch (IllegalArgumentException e) {
        out.error("invalid-port", e.getMessage(), s, path);
      }
    }
  }

  private void autostop(YNode a, String path) {
    if (a instanceof YNode.Scalar s && s.kind() == ScalarKind.STRING) {
      try {
        Quantities.minutes(s.text());
      } catch (IllegalArgumentException | ArithmeticException e) {
        out.error("invalid-autostop", "autostop '" + s.text() + "' is not a time. Write true, minutes"
            + " (30), 30m, 10h, 1d, or {idle_minutes: 30, down: true}.", s, path);
      }
    } else if (a instanceof YNode.Scalar s && s.kind() == ScalarKind.INTEGER
        && ((Long) s.value()) < 0) {
      out.error("out-of-range", "autostop must be 0 or more idle minutes, found " + s.text()
          + ". Use false to turn autostop off.", s, path);
    } else if (a instanceof YNode.Mapping m && m.entry("hook") != null) {
      out.warning("deprecated-field", "autostop.hook is deprecated: move the script to config.hooks"
          + " (run: ..., events: [stop, down]). This file still works.", m.entry("hook").key(), path + ".hook");
    }
  }

  private void localDisk(YNode d, String path) {
    if (d instanceof YNode.Scalar s && s.kind() == ScalarKind.STRING) {
      String t = s.text().trim();
      String body = t.startsWith("nvme:") ? t.substring(5) : t.startsWith("ssd:") ? t.substring(4) : t;
      if (body.endsWith("+")) {
        body = body.substring(0, body.length() - 1);
      }
      try {
        Quantities.diskSizeGb(body);
      } catch (IllegalArgumentException e) {
        out.error("invalid-local-disk", "local_disk '" + t + "' should be [nvme:|ssd:]<size>[+],"
            + " e.g. nvme:500GB+.", s, path);
      }
    }
  }

  /** Used by the loader to read a cloud name from infra or cloud. */
  static String cloudOf(String infraOrCloud) {
    return Clouds.canonical(infraOrCloud);
  }
}
