package dev.sky4j.spec.validate;

import dev.sky4j.json.Json;
import dev.sky4j.spec.yaml.ScalarKind;
import dev.sky4j.spec.yaml.YNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SkyPilot's rules for {@code service:} and {@code pool:} beyond the schema
 * ({@code SkyServiceSpec.from_yaml_config} and its constructor): replicas vs replica_policy vs
 * workers, min/max replicas and when autoscaling needs {@code target_qps_per_replica}, the
 * readiness probe, the port, load balancing with per-accelerator QPS, and what a pool may not set.
 */
final class ServiceRules {
  private static final Pattern QPS_KEY = Pattern.compile("^[A-Z0-9]+(?::[0-9]+)?$");
  private static final List<String> POOL_UNSUPPORTED = List.of("ports", "load_balancing_policy", "tls");

  private final Findings out;

  ServiceRules(Findings out) {
    this.out = out;
  }

  void check(YNode.Mapping task) {
    if (task.get("service") instanceof YNode.Mapping s) {
      service(s, "$.service");
    }
    if (task.get("pool") instanceof YNode.Mapping p) {
      pool(p, "$.pool", null);
    }
  }

  private void service(YNode.Mapping s, String path) {
    YNode.Entry policy = s.entry("replica_policy");
    YNode.Entry replicas = s.entry("replicas");
    YNode.Entry workers = s.entry("workers");
    YNode.Mapping pool = s.get("pool") instanceof YNode.Mapping p ? p : null;
    if (replicas != null && policy != null) {
      out.error("service-replicas-conflict", "Cannot specify both replicas and replica_policy in"
          + " the service. Keep replicas for a fixed count, or replica_policy to autoscale.",
          policy.key(), path + ".replica_policy");
    }
    if (replicas != null && workers != null) {
      out.error("service-replicas-conflict", "Cannot specify both replicas and workers. Please"
          + " use one of them.", workers.key(), path + ".workers");
    }
    boolean isPool = pool != null && !pool.entries().isEmpty();
    if (isPool && policy != null) {
      out.error("service-pool", "Cannot specify replica_policy for a pool. Only workers: <num> or"
          + " min_workers: <num> max_workers: <num> is supported for pools.", policy.key(),
          path + ".replica_policy");
    }
    if (isPool && replicas != null) {
      out.error("service-pool", "Cannot specify replicas for a pool. Use workers instead.",
          replicas.key(), path + ".replicas");
    }
    readiness(s.get("readiness_probe"), path + ".readiness_probe", isPool);
    if (s.get("ports") instanceof YNode.Scalar port && port.value() instanceof Long n
        && (n < 1 || n > 65535)) {
      out.error("invalid-port", "service ports must be between 1 and 65535, found " + n + ".", port,
          path + ".ports");
    }
    if (isPool) {
      for (String f : POOL_UNSUPPORTED) {
        if (s.entry(f) != null) {
          out.error("service-pool", f + " is not supported for a pool. Remove it.", s.entry(f).key(),
              path + "." + f);
        }
      }
    }
    if (pool != null) {
      pool(pool, path + ".pool", workers);
    }
    if (policy != null && policy.value() instanceof YNode.Mapping p && replicas == null) {
      replicaPolicy(p, path + ".replica_policy", s.get("load_balancing_policy"), path);
    } else if (s.get("load_balancing_policy") instanceof YNode.Scalar lb
        && "instance_aware_least_load".equals(lb.text())) {
      qpsDictNeeded(lb, path);
    }
  }

  private void readiness(YNode probe, String path, boolean isPool) {
    YNode.Scalar p = probe instanceof YNode.Scalar s ? s
        : probe instanceof YNode.Mapping m && m.get("path") instanceof YNode.Scalar s ? s : null;
    String at = probe instanceof YNode.Mapping ? path + ".path" : path;
    if (p != null && p.kind() == ScalarKind.STRING && !p.text().startsWith("/")) {
      out.errorWithFix("invalid-readiness-probe", "The readiness probe path must start with a slash"
          + " (/), found '" + p.text() + "'.", p, at, "Replace with '/" + p.text() + "'", "/" + p.text());
    }
    if (!(probe instanceof YNode.Mapping m)) {
      return;
    }
    if (m.get("post_data") instanceof YNode.Scalar d && d.kind() == ScalarKind.STRING) {
      try {
        Json.parse(d.text());
      } catch (RuntimeException e) {
        out.error("invalid-readiness-probe", "post_data is not valid JSON text: write it as a"
            + " mapping, or as a JSON object in quotes.", d, path + ".post_data");
      }
    }
    if (isPool) {
      for (String f : List.of("post_data", "headers")) {
        if (m.entry(f) != null) {
          out.error("service-pool", "readiness_probe." + f + " is not supported for a pool.",
              m.entry(f).key(), path + "." + f);
        }
      }
    }
  }

  /** A pool's workers: a fixed number, or min_workers and max_workers to autoscale. */
  private void pool(YNode.Mapping p, String path, YNode.Entry outerWorkers) {
    Long workers = number(p.get("workers"));
    Long min = number(p.get("min_workers"));
    Long max = number(p.get("max_workers"));
    if (p.get("workers") == null && p.get("min_workers") == null && p.get("max_workers") == null
        && outerWorkers == null) {
      out.error("service-pool", "A pool needs workers: <num>, or both min_workers and max_workers"
          + " to autoscale.", p, path);
    }
    if (p.entry("queue_length_threshold") != null && p.get("max_workers") == null) {
      out.error("service-pool", "max_workers must be set when queue_length_threshold is set (it"
          + " scales the pool up to max_workers).", p.entry("queue_length_threshold").key(),
          path + ".queue_length_threshold");
    }
    if (p.entry("min_workers") != null && p.get("max_workers") == null) {
      out.error("service-pool", "max_workers must be set when min_workers is set.",
          p.entry("min_workers").key(), path + ".min_workers");
    }
    if (min != null && max != null && min > max) {
      out.error("service-replicas", "min_workers (" + min + ") must be at most max_workers (" + max
          + ").", p.get("min_workers"), path + ".min_workers");
    } else if (min == null && workers != null && max != null && workers > max) {
      out.error("service-replicas", "max_workers (" + max + ") must be at least workers (" + workers
          + ").", p.get("max_workers"), path + ".max_workers");
    }
    if (p.get("max_workers") == null) {
      for (String f : List.of("upscale_delay_seconds", "downscale_delay_seconds")) {
        if (p.entry(f) != null) {
          out.error("service-pool", f + " is only supported for an autoscaling pool: set"
              + " max_workers, or remove it.", p.entry(f).key(), path + "." + f);
        }
      }
    }
  }

  private void replicaPolicy(YNode.Mapping p, String path, YNode lbNode, String servicePath) {
    Long min = number(p.get("min_replicas"));
    Long max = number(p.get("max_replicas"));
    YNode qps = p.get("target_qps_per_replica");
    if (min != null && max != null && max < min) {
      out.error("service-replicas", "max_replicas must be at least min_replicas, found"
          + " min_replicas=" + min + ", max_replicas=" + max + ".", p.get("max_replicas"),
          path + ".max_replicas");
    }
    if (qps != null && p.get("max_replicas") == null) {
      out.error("service-replicas", "max_replicas must be set where target_qps_per_replica is set"
          + " (autoscaling needs an upper bound).", p.entry("target_qps_per_replica").key(),
          path + ".target_qps_per_replica");
    } else if (qps == null && min != null && max != null && !max.equals(min)) {
      out.error("service-replicas", "min_replicas (" + min + ") and max_replicas (" + max + ")"
          + " differ but target_qps_per_replica is not set. To autoscale, set"
          + " target_qps_per_replica; for a fixed count, make them equal.", p.get("max_replicas"),
          path + ".max_replicas");
    }
    if (qps instanceof YNode.Mapping m) {
      for (YNode.Entry e : m.entries()) {
        if (!QPS_KEY.matcher(e.key().text()).matches()) {
          out.error("service-replicas", "'" + e.key().text() + "' is not an accelerator key of"
              + " target_qps_per_replica: write upper-case NAME or NAME:COUNT, e.g. H100 or A100:1.",
              e.key(), path + ".target_qps_per_replica." + e.key().text());
        }
      }
    }
    boolean instanceAware = lbNode instanceof YNode.Scalar lb && "instance_aware_least_load".equals(lb.text());
    if (qps instanceof YNode.Mapping && !instanceAware) {
      out.error("service-load-balancing", "A per-accelerator target_qps_per_replica needs"
          + " load_balancing_policy: instance_aware_least_load.", qps, path + ".target_qps_per_replica");
    } else if (instanceAware && !(qps instanceof YNode.Mapping)) {
      qpsDictNeeded((YNode.Scalar) lbNode, servicePath);
    }
  }

  private void qpsDictNeeded(YNode.Scalar lb, String servicePath) {
    out.error("service-load-balancing", "load_balancing_policy instance_aware_least_load needs"
        + " replica_policy.target_qps_per_replica as a mapping of accelerator to QPS (e.g."
        + " {H100: 10, A100: 5}).", lb, servicePath + ".load_balancing_policy");
  }

  private static Long number(YNode n) {
    return n instanceof YNode.Scalar s && s.value() instanceof Long l ? l : null;
  }
}
