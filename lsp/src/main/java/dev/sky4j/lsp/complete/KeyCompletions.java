package dev.sky4j.lsp.complete;

import dev.sky4j.spec.schema.Field;
import dev.sky4j.spec.schema.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemTag;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Keys valid in a mapping, from core's field model, with their one-line docs; keys already
 * present are left out, internal ones ({@code _metadata}) are never offered, deprecated ones sort
 * last and are marked.
 */
final class KeyCompletions {
  private KeyCompletions() {}

  static List<CompletionItem> items(Field map, Set<String> present, Target t, int childIndent) {
    List<CompletionItem> out = new ArrayList<>();
    if (map == null) {
      return out;
    }
    int rank = 0;
    for (Map.Entry<String, Field> e : map.children().entrySet()) {
      String key = e.getKey();
      Field f = e.getValue();
      rank++;
      if (present.contains(key) || key.startsWith("_") || "Internal.".equals(f.description())
          || !t.matches(key)) {
        continue;
      }
      CompletionItem item = new CompletionItem(key);
      item.setKind(CompletionItemKind.Property);
      item.setDetail(types(f));
      item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc(f)));
      boolean deprecated = f.deprecatedBy() != null;
      if (deprecated) {
        item.setTags(List.of(CompletionItemTag.Deprecated));
      }
      item.setSortText((deprecated ? "9" : "1") + String.format(Locale.ROOT, "%03d", rank));
      item.setInsertTextFormat(InsertTextFormat.Snippet);
      t.apply(item, insertText(key, f, childIndent));
      out.add(item);
    }
    return out;
  }

  /** {@code key: $0} for scalars; a nested block for fields that only take a mapping or list. */
  private static String insertText(String key, Field f, int childIndent) {
    Set<FieldType> types = f.types();
    boolean scalarOk = types.stream().anyMatch(x -> x != FieldType.OBJECT && x != FieldType.ARRAY && x != FieldType.NULL);
    String pad = " ".repeat(childIndent);
    if (!scalarOk && types.contains(FieldType.OBJECT)) {
      return key + ":\n" + pad + "$0";
    }
    if (!scalarOk && types.contains(FieldType.ARRAY)) {
      return key + ":\n" + pad + "- $0";
    }
    if (key.equals("run") || key.equals("setup")) {
      return key + ": |\n" + pad + "$0";
    }
    return key + ": $0";
  }

  static String types(Field f) {
    return f.types().stream().map(FieldType::jsonName).collect(Collectors.joining(" | "));
  }

  static String doc(Field f) {
    StringBuilder sb = new StringBuilder(f.description());
    if (!f.enumValues().isEmpty()) {
      sb.append("\n\nOne of: ").append(f.enumValues().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")));
    }
    if (f.deprecatedBy() != null) {
      sb.append("\n\nDeprecated: use `").append(f.deprecatedBy()).append("`.");
    }
    return sb.toString();
  }
}
