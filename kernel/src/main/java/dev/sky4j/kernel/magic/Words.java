package dev.sky4j.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/** Splits a magic line into words as a POSIX shell would (quotes and backslashes; no expansion). */
public final class Words {
  private Words() {}

  public static List<String> split(String line) throws MagicSyntaxException {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          w.append(line.charAt(++i));
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        w.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new MagicSyntaxException("unclosed " + quote + " quote in: " + line.strip());
    }
    if (inWord) {
      out.add(w.toString());
    }
    return out;
  }
}
