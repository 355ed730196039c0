package dev.sky4j.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a user sees while a launch is quiet: a spinner on a terminal, plain lines elsewhere. */
class ProgressTest {
  @Test
  void onATerminalTheQuietStageSpinsAndIsPutBackWhenOutputArrives() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 80)) {
      p.onText("Provisioning 1x local-cpu in local/region-a (attempt 1)\n");
      Thread.sleep(700);
      String spinning = bytes.toString(StandardCharsets.UTF_8);
      assertThat(spinning).containsPattern("\u001b\\[1A\r\u001b\\[K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Provisioning 1x "
          + "local-cpu in local/region-a \\(attempt 1\\) \\(0s\\)\n");
      p.onText("Waiting for SSH on 1 node(s)\n");
      String after = bytes.toString(StandardCharsets.UTF_8);
      assertThat(after).endsWith("\u001b[1A\r\u001b[KProvisioning 1x local-cpu in local/region-a "
          + "(attempt 1)\nWaiting for SSH on 1 node(s)\n");
    }
  }

  @Test
  void elsewhereTheTextPassesThroughUnchanged() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 80)) {
      p.onText("Provisioning 1x local-cpu\n");
      Thread.sleep(500);
      p.onText("partial");
      p.onText(" line\n");
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("Provisioning 1x local-cpu\npartial line\n");
  }
}
