package dev.sky4j.lsp.text;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * An immutable snapshot of one open document. Offsets and LSP positions count UTF-16 code units
 * (what Java strings and LSP both use); {@link #toLsp}/{@link #toCodePointColumn} convert to and
 * from core's 1-based code-point columns so that an emoji in a comment never shifts a range.
 * Line breaks are LF, CRLF and CR, as in LSP and YAML.
 */
public final class TextDocument {
  private final String uri;
  private final int version;
  private final String text;
  private final int[] lineStarts;

  public TextDocument(String uri, int version, String text) {
    this.uri = uri;
    this.version = version;
    this.text = text;
    this.lineStarts = indexLines(text);
  }

  private static int[] indexLines(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        starts.add(i + 1);
      } else if (c == '\n') {
        starts.add(i + 1);
      }
    }
    int[] out = new int[starts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = starts.get(i);
    }
    return out;
  }

  public String uri() {
    return uri;
  }

  public int version() {
    return version;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The text of line {@code line} (0-based) without its line break; empty past the end. */
  public String line(int line) {
    if (line < 0 || line >= lineStarts.length) {
      return "";
    }
    int start = lineStarts[line];
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Every line without its line break (computed on each call; documents are small). */
  public List<String> lines() {
    List<String> out = new ArrayList<>(lineStarts.length);
    for (int i = 0; i < lineStarts.length; i++) {
      out.add(line(i));
    }
    return out;
  }

  /** UTF-16 offset of an LSP position, clamped into the document (LSP asks clients to clamp too). */
  public int offset(Position p) {
    if (p.getLine() >= lineStarts.length) {
      return text.length();
    }
    int line = Math.max(0, p.getLine());
    return lineStarts[line] + Math.min(Math.max(0, p.getCharacter()), line(line).length());
  }

  /** Applies one incremental (or full, when it has no range) change and returns the new snapshot. */
  public TextDocument apply(TextDocumentContentChangeEvent change, int newVersion) {
    if (change.getRange() == null) {
      return new TextDocument(uri, newVersion, change.getText());
    }
    int from = offset(change.getRange().getStart());
    int to = Math.max(from, offset(change.getRange().getEnd()));
    String next = text.substring(0, from) + change.getText() + text.substring(to);
    return new TextDocument(uri, newVersion, next);
  }

  /** Core's 1-based code-point (line, column) to an LSP position. */
  public Position toLsp(int line1, int column1) {
    int line = Math.max(0, line1 - 1);
    if (line >= lineStarts.length) {
      int last = lineStarts.length - 1;
      return new Position(last, line(last).length());
    }
    String s = line(line);
    int cps = Math.max(0, column1 - 1);
    int utf16;
    int total = s.codePointCount(0, s.length());
    if (cps >= total) {
      utf16 = s.length() + 0;
    } else {
      utf16 = s.offsetByCodePoints(0, cps);
    }
    return new Position(line, utf16);
  }

  /** A core range (1-based, code points, end exclusive) as an LSP range. */
  public Range toLsp(dev.sky4j.spec.SourceRange r) {
    if (r == null) {
      return new Range(new Position(0, 0), new Position(0, 0));
    }
    return new Range(toLsp(r.startLine(), r.startColumn()), toLsp(r.endLine(), r.endColumn()));
  }

  /** The 1-based code-point column of an LSP position on its line. */
  public int toCodePointColumn(Position p) {
    String s = line(p.getLine());
    int utf16 = Math.min(Math.max(0, p.getCharacter()), s.length());
    return s.codePointCount(0, utf16) + 1;
  }

  /** The LSP position just past the last character. */
  public Position end() {
    int last = lineStarts.length - 1;
    return new Position(last, line(last).length());
  }
}
