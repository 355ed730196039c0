package dev.sky4j.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Inline secret values are cut out of the task text in every YAML style, and nothing else is. */
class InlineSecretsTest {
  private static void assertCut(String yaml, String name, String value) {
    InlineSecrets.Split s = InlineSecrets.split(yaml);
    assertThat(s.values()).containsEntry(name, value);
    assertThat(s.text()).doesNotContain(value.strip()).contains("'<redacted>'");
    // applied back as an override, the task is the one the file described
    Task original = TaskLoader.load(yaml, "t.yaml", null).task();
    Task again = TaskLoader.load(s.text(), "t.yaml", null, s.values().entrySet().stream()
        .map(e -> new FieldOverride("secrets:", List.of("secrets", e.getKey()), e.getValue()))
        .toList()).task();
    assertThat(again).isEqualTo(original);
  }

  @Test
  void everyScalarStyleIsCut() {
    assertCut("secrets:\n  K: plainvalue\nrun: echo\n", "K", "plainvalue");
    assertCut("secrets:\n  K: 'single quoted'\nrun: echo\n", "K", "single quoted");
    assertCut("secrets:\n  K: \"double\\tquoted\"\nrun: echo\n", "K", "double\tquoted");
    assertCut("secrets: {K: flowvalue, L: other1}\nrun: echo\n", "K", "flowvalue");
    assertCut("secrets:\n  K: |\n    line-one\n    line-two\nrun: echo\n", "K",
        "line-one\nline-two\n");
    assertCut("secrets:\n  K: >-\n    folded-one\n    folded-two\n\nrun: echo\n", "K",
        "folded-one folded-two");
    assertCut("secrets:\n  K: plain\n    continued\nrun: echo\n", "K", "plain continued");
    assertCut("run: echo\nsecrets:\n  K: at-the-end", "K", "at-the-end");
    assertCut("secrets:\r\n  K: crlfvalue\r\nrun: echo\r\n", "K", "crlfvalue");
    assertCut("envs:\n  U: ünï\nsecrets:\n  K: ✓-unicode-✓\nrun: echo ✓\n", "K", "✓-unicode-✓");
  }

  @Test
  void valuesAreStringifiedAsSkyPilotDoes() {
    InlineSecrets.Split s = InlineSecrets.split("secrets:\n  A: yes\n  B: 0755\n  C:\n  D: ~\n"
        + "run: x\n");
    assertThat(s.values()).containsEntry("A", "True").containsEntry("B", "493")
        .doesNotContainKeys("C", "D");
  }

  @Test
  void textWithoutValuesIsUntouched() {
    String yaml = "secrets:\n  K: null\n  L:\nrun: echo $K\n";
    assertThat(InlineSecrets.split(yaml).text()).isSameAs(yaml);
    assertThat(InlineSecrets.split("run: x\n").values()).isEmpty();
  }

  @Test
  void aValueSharedThroughAnAnchorIsRefused() {
    assertThatThrownBy(() -> InlineSecrets.split(
        "envs:\n  E: &v shared-value\nsecrets:\n  K: *v\nrun: x\n"))
        .isInstanceOf(InlineSecrets.Inseparable.class).hasMessageContaining("--secret");
  }
}
