package dev.sky4j.kernel.magic;

import java.util.List;

/** One piece of a notebook cell: Python, or a magic the kernel runs itself. */
public sealed interface Cell {
  /** Python for the current interpreter (local or on the cluster). */
  record Python(String code) implements Cell {}

  /** {@code %sky VERB ARGS...}: the CLI's command line. */
  record SkyLine(List<String> args) implements Cell {}

  /** {@code %%sky launch ARGS} with task YAML as the body; {@code bodyLine} is its first line in the cell. */
  record SkyBlock(List<String> args, String yaml, int bodyLine) implements Cell {}

  /** {@code %%bash} / {@code %%sh} [{@code --all}]: a shell script on the attached cluster. */
  record Shell(String shell, boolean allNodes, String script) implements Cell {}
}
