package dev.sky4j.spec;

import dev.sky4j.catalog.AcceleratorInfo;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.schema.Clouds;
import dev.sky4j.spec.validate.AcceleratorSyntax;
import dev.sky4j.spec.validate.InfraSpec;
import dev.sky4j.spec.validate.Quantities;
import dev.sky4j.spec.yaml.ScalarKind;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands a validated {@code resources} block into {@link ResourceChoices}: any_of/ordered items
 * override the outer defaults (labels merged), and accelerator lists (ordered) or sets/dicts (any)
 * become one candidate each.
 */
final class ResourcesBuilder {
  /** Resource fields the optimizer does not read yet; kept in Task.extra as resources.<field>. */
  private static final Set<String> EXTRA = Set.of("local_disk", "ephemeral_storage", "accelerator_args",
      "volumes", "priority_class", "_no_missing_accel_warnings", "_docker_login_config",
      "_is_image_managed", "_requires_fuse", "_cluster_config_overrides");

  private final Catalog catalog;

  ResourcesBuilder(Catalog catalog) {
    this.catalog = catalog;
  }

  ResourceChoices build(YNode.Mapping outer, Map<String, Object> extra) {
    for (YNode.Entry e : outer.entries()) {
      if (EXTRA.contains(e.key().text())) {
        extra.put("resources." + e.key().text(), PlainValues.of(e.value()));
      }
    }
    for (String list : List.of("any_of", "ordered")) {
      if (outer.get(list) instanceof YNode.Sequence seq && !seq.items().isEmpty()) {
        List<Resources> all = new ArrayList<>();
        for (YNode item : seq.items()) {
          all.addAll(expand(merge(outer, (YNode.Mapping) item)).candidates());
        }
        return new ResourceChoices(all, list.equals("ordered"));
      }
    }
    return expand(outer);
  }

  /** The item's fields over the outer ones; labels are merged, not replaced. */
  private static YNode.Mapping merge(YNode.Mapping outer, YNode.Mapping item) {
    Map<String, YNode.Entry> merged = new LinkedHashMap<>();
    for (YNode.Entry e : outer.entries()) {
      String k = e.key().text();
      if (!k.equals("any_of") && !k.equals("ordered")) {
        merged.put(k, e);
      }
    }
    for (YNode.Entry e : item.entries()) {
      String k = e.key().text();
      YNode.Entry old = merged.get(k);
      if (k.equals("labels") && old != null && old.value() instanceof YNode.Mapping a
          && e.value() instanceof YNode.Mapping b) {
        Map<String, YNode.Entry> labels = new LinkedHashMap<>();
        a.entries().forEach(x -> labels.put(x.key().text(), x));
        b.entries().forEach(x -> labels.put(x.key().text(), x));
        merged.put(k, new YNode.Entry(e.key(), new YNode.Mapping(new ArrayList<>(labels.values()), b.range())));
      } else {
        if (k.equals("accelerators") || k.equals("gpus")) {
          merged.remove("accelerators");
          merged.remove("gpus");
        }
        if (k.equals("infra")) {
          merged.remove("cloud");
          merged.remove("region");
          merged.remove("zone");
        }
        merged.put(k, e);
      }
    }
    return new YNode.Mapping(new ArrayList<>(merged.values()), item.range());
  }

  private ResourceChoices expand(YNode.Mapping r) {
    Resources base = single(r);
    YNode acc = r.get("accelerators") != null ? r.get("accelerators") : r.get("gpus");
    List<AcceleratorRequest> reqs = new ArrayList<>();
    boolean ordered = false;
    if (acc instanceof YNode.Scalar s && !s.isNull()) {
      reqs.add(canonical(AcceleratorSyntax.parse(s.text()).request()));
    } else if (acc instanceof YNode.Sequence seq) {
      ordered = true;
      seq.items().forEach(i -> reqs.add(canonical(AcceleratorSyntax.parse(PlainValues.str(i)).request())));
    } else if (acc instanceof YNode.Mapping m) {
      for (YNode.Entry e : m.entries()) {
        Double n = e.value() instanceof YNode.Scalar c && c.value() instanceof Number x ? x.doubleValue() : null;
        reqs.add(canonical(AcceleratorSyntax.parseEntry(e.key().text(), n).request()));
      }
    }
    if (reqs.isEmpty()) {
      return ResourceChoices.single(base);
    }
    List<Resources> out = new ArrayList<>();
    reqs.forEach(a -> out.add(base.withAccelerator(a)));
    return new ResourceChoices(out, ordered);
  }

  private AcceleratorRequest canonical(AcceleratorRequest a) {
    if (catalog == null || a.isMemoryForm()) {
      return a;
    }
    String name = catalog.acceleratorForTask(a.name()).map(AcceleratorInfo::name).orElse(a.name());
    return new AcceleratorRequest(name, a.count(), null, false, null);
  }

  private static Resources single(YNode.Mapping r) {
    String cloud = null;
    String region = PlainValues.str(r.get("region"));
    String zone = PlainValues.str(r.get("zone"));
    String infra = PlainValues.str(r.get("infra"));
    if (infra != null) {
      InfraSpec.Parts p = InfraSpec.split(infra);
      cloud = p.cloud();
      region = p.region();
      zone = p.zone();
    } else if (PlainValues.str(r.get("cloud")) != null) {
      cloud = Clouds.canonical(PlainValues.str(r.get("cloud")));
    }
    YNode cpus = r.get("cpus");
    YNode memory = r.get("memory");
    YNode disk = r.get("disk_size");
    List<String> ports = new ArrayList<>();
    YNode p = r.get("ports");
    if (p instanceof YNode.Sequence seq) {
      seq.items().forEach(i -> ports.add(Quantities.port(((YNode.Scalar) i).value())));
    } else if (p instanceof YNode.Scalar s && !s.isNull()) {
      ports.add(Quantities.port(s.value()));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (r.get("labels") instanceof YNode.Mapping l) {
      l.entries().forEach(e -> labels.put(e.key().text(), PlainValues.str(e.value())));
    }
    YNode image = r.get("image_id");
    YNode recovery = r.get("job_recovery") != null ? r.get("job_recovery") : r.get("spot_recovery");
    return new Resources(cloud, region, zone, null,
        str(cpus) == null ? null : Quantities.cpus(str(cpus)),
        str(memory) == null ? null : Quantities.memory(str(memory)),
        PlainValues.str(r.get("instance_type")),
        r.get("use_spot") instanceof YNode.Scalar s && Boolean.TRUE.equals(s.value()),
        recovery(recovery),
        str(disk) == null ? null : Quantities.diskSizeGb(str(disk)),
        PlainValues.str(r.get("disk_tier")),
        PlainValues.str(r.get("network_tier")),
        ports, labels,
        image == null || (image instanceof YNode.Scalar is && is.isNull()) ? null : PlainValues.of(image),
        autostop(r.get("autostop")),
        r.get("priority") instanceof YNode.Scalar pr && pr.value() instanceof Long l ? l.intValue() : null,
        r.get("max_hourly_cost") instanceof YNode.Scalar c && c.value() instanceof Number n ? n.doubleValue() : null);
  }

  private static String str(YNode n) {
    return n instanceof YNode.Scalar s && !s.isNull() ? s.text() : null;
  }

  private static JobRecovery recovery(YNode n) {
    if (n instanceof YNode.Scalar s && !s.isNull()) {
      return new JobRecovery(strategy(s.text()), 0, List.of());
    }
    if (n instanceof YNode.Mapping m) {
      int max = m.get("max_restarts_on_errors") instanceof YNode.Scalar x && x.value() instanceof Long l
          ? l.intValue() : 0;
      List<Integer> codes = new ArrayList<>();
      YNode c = m.get("recover_on_exit_codes");
      if (c instanceof YNode.Scalar s && s.value() instanceof Long l) {
        codes.add(l.intValue());
      } else if (c instanceof YNode.Sequence seq) {
        seq.items().forEach(i -> codes.add(((Long) ((YNode.Scalar) i).value()).intValue()));
      }
      return new JobRecovery(strategy(PlainValues.str(m.get("strategy"))), max, codes);
    }
    return null;
  }

  private static String strategy(String s) {
    return s == null || s.equalsIgnoreCase("none") ? null : s.toUpperCase(Locale.ROOT);
  }

  /** SkyPilot §5: true is idle 0 (enabled), false off, minutes, "10h", or a mapping. */
  private static Autostop autostop(YNode n) {
    if (!(n instanceof YNode.Mapping) && !(n instanceof YNode.Scalar)) {
      return null;
    }
    if (n instanceof YNode.Scalar s) {
      return switch (s.kind()) {
        case NULL -> null;
        case BOOLEAN -> Boolean.TRUE.equals(s.value())
            ? new Autostop(true, 0, false, WaitFor.JOBS_AND_SSH) : Autostop.DISABLED;
        case INTEGER -> new Autostop(true, ((Long) s.value()).intValue(), false, WaitFor.JOBS_AND_SSH);
        default -> new Autostop(true, Quantities.minutes(s.text()), false, WaitFor.JOBS_AND_SSH);
      };
    }
    YNode.Mapping m = (YNode.Mapping) n;
    int idle = m.get("idle_minutes") instanceof YNode.Scalar s && s.value() instanceof Long l ? l.intValue() : 0;
    boolean down = m.get("down") instanceof YNode.Scalar d && Boolean.TRUE.equals(d.value());
    WaitFor wait = m.get("wait_for") instanceof YNode.Scalar w && w.kind() == ScalarKind.STRING
        ? WaitFor.valueOf(w.text().toUpperCase(Locale.ROOT)) : WaitFor.JOBS_AND_SSH;
    return new Autostop(true, idle, down, wait);
  }
}
