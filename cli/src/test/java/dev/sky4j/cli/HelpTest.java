package dev.sky4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers --help with its usage (error messages tell users to run it). */
class HelpTest {
  @ParameterizedTest
  @ValueSource(strings = {"status", "launch", "exec", "queue", "logs", "cancel", "stop", "start",
      "down", "autostop", "check", "cost-report", "show-gpus", "validate", "schema", "lsp"})
  void commandHelp(String command) {
    InProcessSky.Run r = InProcessSky.sky(command, "--help");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Usage: sky " + command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jobs launch", "jobs queue", "jobs logs", "jobs cancel", "api start",
      "api stop", "local preempt"})
  void subcommandHelp(String command) {
    String[] words = command.split(" ");
    InProcessSky.Run r = InProcessSky.sky(words[0], words[1], "-h");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Usage: sky " + command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bogus", "--bogus"})
  void unknownWordsAreUsageErrors(String word) {
    InProcessSky.Run r = InProcessSky.sky(word);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("sky --help");
  }
}
