package dev.sky4j.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellParserTest {
  @Test
  void leadingSkyLinesRunFirstAndTheRestIsPythonWithItsLineNumbersKept() throws Exception {
    List<Cell> cells = CellParser.parse("%sky status\n%sky attach dev\nx = 1\nraise ValueError()");
    assertThat(cells).containsExactly(
        new Cell.SkyLine(List.of("status")),
        new Cell.SkyLine(List.of("attach", "dev")),
        new Cell.Python("\n\nx = 1\nraise ValueError()"));
  }

  @Test
  void aCellWithoutMagicsIsPythonAsTyped() throws Exception {
    assertThat(CellParser.parse("print('%sky')\n%sky status"))
        .containsExactly(new Cell.Python("print('%sky')\n%sky status"));
  }

  @Test
  void skyLaunchCellKeepsItsYamlAndWhereItStarts() throws Exception {
    List<Cell> cells = CellParser.parse("\n%%sky launch -c dev --gpus 'H100:1'\nname: dev\nrun: nvidia-smi");
    assertThat(cells).containsExactly(new Cell.SkyBlock(List.of("launch", "-c", "dev", "--gpus", "H100:1"),
        "name: dev\nrun: nvidia-smi", 3));
  }

  @Test
  void shellCellsTakeAllNodesFlagOnly() throws Exception {
    assertThat(CellParser.parse("%%bash --all\nnvidia-smi"))
        .containsExactly(new Cell.Shell("bash", true, "nvidia-smi"));
    assertThatThrownBy(() -> CellParser.parse("%%sh -x\nls")).hasMessageContaining("only --all");
  }

  @Test
  void unknownCellMagicAndSkyCellWithoutLaunchSayWhatWorks() {
    assertThatThrownBy(() -> CellParser.parse("%%time\n1")).hasMessageContaining("%%sky launch, %%bash and %%sh");
    assertThatThrownBy(() -> CellParser.parse("%%sky status\n")).hasMessageContaining("%%sky launch [-c NAME]");
  }

  @Test
  void wordsSplitLikeAShell() throws Exception {
    assertThat(Words.split(" exec dev -- echo \"a b\" 'c d' e\\ f ")).containsExactly(
        "exec", "dev", "--", "echo", "a b", "c d", "e f");
    assertThatThrownBy(() -> Words.split("exec 'dev")).hasMessageContaining("unclosed ' quote");
  }
}
