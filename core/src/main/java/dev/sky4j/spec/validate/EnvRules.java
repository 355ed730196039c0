package dev.sky4j.spec.validate;

import dev.sky4j.spec.EnvReferences;
import dev.sky4j.spec.yaml.ScalarKind;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Rules that read envs and secrets together: the Docker login variables come as a set in one
 * section (SkyPilot's {@code _check_docker_login_config}), and every {@code ${NAME}} in the
 * substituted fields names an env or secret. Messages name variables, never their values.
 */
final class EnvRules {
  static final List<String> DOCKER_LOGIN = List.of("SKYPILOT_DOCKER_USERNAME",
      "SKYPILOT_DOCKER_PASSWORD", "SKYPILOT_DOCKER_SERVER");

  private final Findings out;

  EnvRules(Findings out) {
    this.out = out;
  }

  void check(YNode.Mapping task) {
    YNode.Mapping envs = task.get("envs") instanceof YNode.Mapping m ? m : null;
    YNode.Mapping secrets = task.get("secrets") instanceof YNode.Mapping m ? m : null;
    dockerLogin(envs, secrets);
    Set<String> known = new HashSet<>();
    if (envs != null) {
      envs.entries().forEach(e -> known.add(e.key().text()));
    }
    if (secrets != null) {
      secrets.entries().forEach(e -> known.add(e.key().text()));
    } else if (task.get("secrets") instanceof YNode.Sequence refs) {
      refs.items().forEach(i -> {
        if (i instanceof YNode.Scalar s) {
          known.add(s.text().replaceFirst("^secrets:", ""));
        }
      });
    }
    for (String field : EnvReferences.FIELDS) {
      YNode.Entry e = task.entry(field);
      if (e != null) {
        references(e.value(), "$." + field, field, known);
      }
    }
  }

  private void dockerLogin(YNode.Mapping envs, YNode.Mapping secrets) {
    List<YNode.Entry> inEnvs = docker(envs);
    List<YNode.Entry> inSecrets = docker(secrets);
    if (!inEnvs.isEmpty() && !inSecrets.isEmpty()) {
      YNode.Entry at = inSecrets.get(0);
      out.error("docker-login", "Docker login variables must be specified together either in envs"
          + " OR secrets, not split across both. Found in envs: " + names(inEnvs) + ", found in"
          + " secrets: " + names(inSecrets) + ". Move all three to secrets (it keeps the password"
          + " out of logs).", at.key(), "$.secrets." + at.key().text());
      return;
    }
    List<YNode.Entry> given = inEnvs.isEmpty() ? inSecrets : inEnvs;
    if (!given.isEmpty() && given.size() < DOCKER_LOGIN.size()) {
      String section = inEnvs.isEmpty() ? "secrets" : "envs";
      Set<String> missing = new TreeSet<>(DOCKER_LOGIN);
      given.forEach(e -> missing.remove(e.key().text()));
      YNode.Entry at = given.get(0);
      out.error("docker-login", "Docker login variables must be specified together in " + section
          + ". Missing from " + section + ": " + String.join(", ", missing) + ". Add them, or"
          + " remove " + names(given) + " to pull public images only.", at.key(),
          "$." + section + "." + at.key().text());
    }
  }

  private static List<YNode.Entry> docker(YNode.Mapping m) {
    List<YNode.Entry> found = new ArrayList<>();
    if (m != null) {
      m.entries().stream().filter(e -> DOCKER_LOGIN.contains(e.key().text())).forEach(found::add);
    }
    return found;
  }

  private static String names(List<YNode.Entry> es) {
    return String.join(", ", es.stream().map(e -> e.key().text()).toList());
  }

  private void references(YNode n, String path, String field, Set<String> known) {
    if (n instanceof YNode.Scalar s) {
      scalar(s, path, field, known);
    } else if (n instanceof YNode.Sequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        references(seq.items().get(i), path + "[" + i + "]", field, known);
      }
    } else if (n instanceof YNode.Mapping m) {
      for (YNode.Entry e : m.entries()) {
        String child = path + "." + e.key().text();
        scalar(e.key(), child, field, known); // a mount destination may use ${NAME} too
        references(e.value(), child, field, known);
      }
    }
  }

  private void scalar(YNode.Scalar s, String path, String field, Set<String> known) {
    if (s.kind() != ScalarKind.STRING || s.text().indexOf("${") < 0) {
      return;
    }
    Matcher m = EnvReferences.REFERENCE.matcher(s.text());
    while (m.find()) {
      String name = m.group(1);
      if (!known.contains(name)) {
        out.add(dev.sky4j.spec.Severity.WARNING, "unknown-variable", "'" + m.group() + "' in "
            + field + " names no env or secret of this task, so it stays as written (as in"
            + " SkyPilot). Define " + name + " under envs: (or secrets:), or write the value.",
            Spans.of(s, m.start(), m.end()), path, null, null);
      }
    }
  }
}
