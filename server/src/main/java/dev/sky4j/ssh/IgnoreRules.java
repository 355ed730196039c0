package dev.sky4j.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which workdir files not to upload. Like SkyPilot: {@code .skyignore} at the workdir root if it
 * exists, else {@code .gitignore} at the root. Supported subset of gitignore syntax: blank lines
 * and {@code #} comments, {@code !} negation (last match wins), trailing {@code /} (folders only),
 * a leading or inner {@code /} anchors the pattern to the root (otherwise it matches a name at
 * any depth), and the globs {@code *}, {@code ?} and {@code **}. Nested ignore files are not read.
 */
public final class IgnoreRules {
  private record Rule(Pattern pattern, boolean negate, boolean dirOnly) {}

  private final List<Rule> rules;

  private IgnoreRules(List<Rule> rules) {
    this.rules = rules;
  }

  public static IgnoreRules none() {
    return new IgnoreRules(List.of());
  }

  public static IgnoreRules load(Path root) throws IOException {
    Path sky = root.resolve(".skyignore");
    Path git = root.resolve(".gitignore");
    Path file = Files.exists(sky) ? sky : git;
    return Files.exists(file) ? parse(Files.readAllLines(file)) : none();
  }

  public static IgnoreRules parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negate = line.startsWith("!");
      if (negate) {
        line = line.substring(1);
      }
      boolean dirOnly = line.endsWith("/");
      if (dirOnly) {
        line = line.substring(0, line.length() - 1);
      }
      boolean anchored = line.contains("/");
      if (line.startsWith("/")) {
        line = line.substring(1);
      }
      String re = (anchored ? "" : "(?:.*/)?") + glob(line);
      rules.add(new Rule(Pattern.compile(re), negate, dirOnly));
    }
    return new IgnoreRules(rules);
  }

  /** {@code relPath} uses '/' separators, relative to the workdir root. */
  public boolean ignored(String relPath, boolean isDir) {
    boolean ignored = false;
    for (Rule r : rules) {
      if (r.dirOnly() && !isDir) {
        continue;
      }
      if (r.pattern().matcher(relPath).matches()) {
        ignored = !r.negate();
      }
    }
    return ignored;
  }

  private static String glob(String g) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
        boolean slash = i + 2 < g.length() && g.charAt(i + 2) == '/';
        sb.append(slash ? "(?:.*/)?" : ".*");
        i += slash ? 2 : 1;
      } else if (c == '*') {
        sb.append("[^/]*");
      } else if (c == '?') {
        sb.append("[^/]");
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }
}
