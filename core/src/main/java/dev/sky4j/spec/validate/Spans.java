package dev.sky4j.spec.validate;

import dev.sky4j.spec.SourceRange;
import dev.sky4j.spec.yaml.YNode;

/**
 * Where a piece of a scalar's text sits in the source, so a diagnostic (and its fix) can cover
 * just the bad part: the region of {@code infra: aws/us-east-99}, one {@code ${VAR}} in a path.
 * Only one-line scalars whose source is the text itself (plain) or the text in quotes without
 * escapes can be mapped; for any other the whole scalar is the answer.
 */
final class Spans {
  private Spans() {}

  /** The source range of {@code text.substring(from, to)}; the whole scalar when unmappable. */
  static SourceRange of(YNode.Scalar s, int from, int to) {
    SourceRange r = s.range();
    String t = s.text();
    if (r.startLine() != r.endLine() || from < 0 || to > t.length() || from > to) {
      return r;
    }
    int width = r.endColumn() - r.startColumn();
    int len = t.codePointCount(0, t.length());
    int shift;
    if (width == len) {
      shift = 0;
    } else if (width == len + 2) {
      shift = 1; // 'quoted' or "quoted" with nothing escaped
    } else {
      return r;
    }
    int start = r.startColumn() + shift + t.codePointCount(0, from);
    int end = start + t.codePointCount(from, to);
    return new SourceRange(r.startLine(), start, r.startLine(), end);
  }

  /** Whether {@link #of} can map pieces of this scalar (otherwise a fix must replace it whole). */
  static boolean mappable(YNode.Scalar s) {
    return !of(s, 0, 0).equals(s.range()) || s.text().isEmpty();
  }
}
