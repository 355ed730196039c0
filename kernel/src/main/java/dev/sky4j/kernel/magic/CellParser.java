package dev.sky4j.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into its magics and its Python. A cell magic ({@code %%sky}, {@code %%bash},
 * {@code %%sh}) takes the whole cell; otherwise leading {@code %sky} lines run first, in order,
 * and the rest is Python. Magics never reach the Python interpreter.
 */
public final class CellParser {
  private CellParser() {}

  public static List<Cell> parse(String code) throws MagicSyntaxException {
    String[] lines = code.split("\n", -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first == lines.length) {
      return List.of(new Cell.Python(code));
    }
    String head = lines[first].strip();
    String body = String.join("\n", java.util.Arrays.copyOfRange(lines, first + 1, lines.length));
    if (head.startsWith("%%")) {
      List<String> words = Words.split(head.substring(2));
      String name = words.isEmpty() ? "" : words.get(0);
      List<String> args = words.subList(Math.min(1, words.size()), words.size());
      switch (name) {
        case "sky" -> {
          if (args.isEmpty() || !args.get(0).equals("launch")) {
            throw new MagicSyntaxException("%%sky takes task YAML for launch: %%sky launch [-c NAME] "
                + "[flags], then the YAML on the next lines");
          }
          return List.of(new Cell.SkyBlock(List.copyOf(args), body, first + 2));
        }
        case "bash", "sh" -> {
          boolean all = args.contains("--all");
          List<String> unknown = args.stream().filter(a -> !a.equals("--all")).toList();
          if (!unknown.isEmpty()) {
            throw new MagicSyntaxException("%%" + name + " takes only --all (every node), not " + unknown);
          }
          return List.of(new Cell.Shell(name, all, body));
        }
        default -> throw new MagicSyntaxException("unknown cell magic %%" + name
            + "; this kernel knows %%sky launch, %%bash and %%sh");
      }
    }
    List<Cell> cells = new ArrayList<>();
    int i = first;
    for (; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.isEmpty()) {
        continue;
      }
      if (!(l.equals("%sky") || l.startsWith("%sky "))) {
        break;
      }
      cells.add(new Cell.SkyLine(Words.split(l.substring(4))));
    }
    if (cells.isEmpty()) {
      return List.of(new Cell.Python(code));
    }
    String rest = String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length));
    if (!rest.isBlank()) {
      // keep line numbers in tracebacks right: blank lines stand for the magic lines
      cells.add(new Cell.Python("\n".repeat(i) + rest));
    }
    return cells;
  }
}
