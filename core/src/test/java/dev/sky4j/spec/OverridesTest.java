package dev.sky4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Command-line values are applied to the parsed task, never re-read as YAML: each one arrives as
 * the exact string typed (YAML 1.1 would make {@code yes} True, {@code 12:30} 750, {@code 0755}
 * 493), while YAML-file values keep SkyPilot's str() coercion.
 */
class OverridesTest {
  /** Every value a YAML reader would change, and a few that quoting would mangle. */
  static final List<String> TRICKY = List.of("yes", "no", "on", "off", "true", "True", "12:30",
      "0755", "0x1F", "1e3", "~", "null", "", "a=b=c", "  padded  ", "'single'", "\"double\"",
      "# not a comment", "x #y", "line1\nline2", "ünï©ødé ✓", "- item", "{a: 1}", "*alias", "&anchor",
      "!tag", "|", ">", "@at", "`tick`", "%percent", "\ttab");

  private static FieldOverride env(String k, String v) {
    return new FieldOverride("--env", List.of("envs", k), v);
  }

  @Test
  void envValuesArriveExactlyAsTyped() {
    List<FieldOverride> os = new ArrayList<>();
    for (int i = 0; i < TRICKY.size(); i++) {
      os.add(env("V" + i, TRICKY.get(i)));
      os.add(new FieldOverride("--secret", List.of("secrets", "S" + i), TRICKY.get(i)));
    }
    LoadResult r = TaskLoader.load("run: env\n", "t.yaml", null, os);
    assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    for (int i = 0; i < TRICKY.size(); i++) {
      assertThat(r.task().envs().get("V" + i)).as("env %s", TRICKY.get(i)).isEqualTo(TRICKY.get(i));
      assertThat(r.task().secrets().get("S" + i)).as("secret %s", TRICKY.get(i))
          .isEqualTo(TRICKY.get(i));
    }
  }

  @Test
  void overridesReplaceFileValuesAndKeepTheRest() {
    String yaml = """
        name: from-file
        envs:
          A: yes
          B: "kept"
        secrets:
          K: file-secret
        resources:
          cpus: 2
          accelerators: A100:8
        run: echo file
        """;
    LoadResult r = TaskLoader.load(yaml, "t.yaml", null, List.of(env("A", "yes"),
        new FieldOverride("--secret", List.of("secrets", "K"), "0755"),
        new FieldOverride("--gpus", List.of("resources", "accelerators"), FieldOverride.REMOVE),
        new FieldOverride("--name", List.of("name"), "on"),
        new FieldOverride("--num-nodes", List.of("num_nodes"), 2),
        new FieldOverride("--use-spot", List.of("resources", "use_spot"), true),
        new FieldOverride("(command)", List.of("run"), "echo 12:30")));
    assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    Task t = r.task();
    assertThat(t.envs()).containsEntry("A", "yes").containsEntry("B", "kept");
    assertThat(t.secrets()).containsEntry("K", "0755");
    assertThat(t.name()).isEqualTo("on");
    assertThat(t.numNodes()).isEqualTo(2);
    assertThat(t.run()).isEqualTo("echo 12:30");
    assertThat(t.resources().first().accelerator()).isNull();
    assertThat(t.resources().first().useSpot()).isTrue();
    assertThat(t.resources().first().cpus().value()).isEqualTo(2.0);
  }

  @Test
  void yamlFileEnvValuesFollowSkyPilotsStrCoercion() {
    // SkyPilot reads the file with PyYAML and str()s each value: `A: yes` is 'True' there too
    Task t = TaskLoader.load("envs:\n  A: yes\n  T: 12:30\n  M: 0755\n  Q: 'yes'\nrun: x\n",
        "t.yaml", null).task();
    assertThat(t.envs()).containsEntry("A", "True").containsEntry("T", "750")
        .containsEntry("M", "493").containsEntry("Q", "yes");
  }

  @Test
  void aCommandAloneIsATask() {
    LoadResult r = TaskLoader.load("", "<command line>", null,
        List.of(new FieldOverride("(command)", List.of("run"), "echo hi")));
    assertThat(r.task().run()).isEqualTo("echo hi");
  }

  @Test
  void aBadFlagValueIsFoundAtTheFlagNotAtALine() {
    FieldOverride bad = env("1BAD", "x");
    LoadResult r = TaskLoader.load("run: x\n", "t.yaml", null, List.of(bad));
    Diagnostic d = r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    assertThat(d.range()).isEqualTo(FieldOverride.RANGE);
    assertThat(bad.covers(d)).as(d.jsonPath()).isTrue();
    FieldOverride nodes = new FieldOverride("--num-nodes", List.of("num_nodes"), 0);
    Diagnostic n = TaskLoader.load("run: x\n", "t.yaml", null, List.of(nodes)).diagnostics()
        .stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    assertThat(nodes.covers(n)).as(n.jsonPath() + " " + n.message()).isTrue();
  }
}
