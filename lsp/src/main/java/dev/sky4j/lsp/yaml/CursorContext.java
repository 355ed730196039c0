package dev.sky4j.lsp.yaml;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the cursor is on. {@code owner} is the mapping (key or item node) that a key typed here
 * would belong to, or whose value is being typed. {@code prefix} is the text already typed for the
 * word under completion; it starts at UTF-16 column {@code prefixStart} of {@code line}.
 */
public record CursorContext(
    Kind kind,
    OutlineNode owner,
    String valueKey,
    String prefix,
    int line,
    int prefixStart,
    Outline outline) {

  /**
   * KEY: a new key; VALUE: the value of {@code valueKey}; ITEM: a {@code - } entry in the
   * sequence held by {@code valueKey} (a scalar, or a mapping whose keys are being typed);
   * NONE: a comment or a script.
   */
  public enum Kind { KEY, VALUE, ITEM, NONE }

  /** The YAML path of the mapping that owns the cursor; items are {@code "-"}. */
  public List<String> ownerPath() {
    return owner.path();
  }

  /** The YAML path of the value under the cursor: owner path plus the key (and "-" for items). */
  public List<String> valuePath() {
    List<String> p = new java.util.ArrayList<>(owner.path());
    if (kind == Kind.ITEM) {
      // the owner of an item line is the key holding the sequence
      p.add("-");
    } else if (valueKey != null) {
      p.add(valueKey);
    }
    return p;
  }

  /** Keys already written in the owning mapping, not counting the cursor's own line. */
  public Set<String> presentKeys() {
    Set<String> out = new HashSet<>();
    OutlineNode map = mapForKeys();
    for (OutlineNode c : map.children()) {
      if (c.kind() == OutlineNode.Kind.KEY && c.firstLine() != line) {
        out.add(c.key());
      }
    }
    return out;
  }

  private OutlineNode mapForKeys() {
    if (kind == Kind.ITEM && owner.kind() == OutlineNode.Kind.KEY) {
      for (OutlineNode c : owner.children()) {
        if (c.kind() == OutlineNode.Kind.ITEM && c.firstLine() == line) {
          return c;
        }
      }
    }
    return owner;
  }

  /**
   * The scalar values visible from the cursor's mapping and its ancestors (nearest first wins):
   * what lets completion filter regions by the {@code cloud} or {@code infra} already chosen.
   */
  public Map<String, String> scope() {
    Map<String, String> out = new LinkedHashMap<>();
    for (OutlineNode n = mapForKeys(); n != null; n = n.parent()) {
      for (OutlineNode c : n.children()) {
        if (c.kind() == OutlineNode.Kind.KEY && c.firstLine() != line && !c.line().hasEmptyValue()) {
          out.putIfAbsent(c.key(), LineScanner.unquote(c.inlineValue()));
        }
      }
    }
    return out;
  }
}
