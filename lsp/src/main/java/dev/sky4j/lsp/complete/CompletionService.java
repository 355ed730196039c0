package dev.sky4j.lsp.complete;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.lsp.catalog.CatalogHolder;
import dev.sky4j.lsp.text.TextDocument;
import dev.sky4j.lsp.yaml.CursorContext;
import dev.sky4j.lsp.yaml.CursorResolver;
import dev.sky4j.spec.schema.Field;
import dev.sky4j.spec.schema.FieldModel;
import dev.sky4j.spec.schema.FieldType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;

/** Context-aware completion: keys, accelerators, placement, instance types, enums, snippets. */
public final class CompletionService {
  private final CatalogHolder catalog;

  public CompletionService(CatalogHolder catalog) {
    this.catalog = catalog;
  }

  public CompletionList complete(TextDocument doc, Position pos) {
    List<String> lines = doc.lines();
    CursorContext ctx = CursorResolver.resolve(lines, pos.getLine(), pos.getCharacter());
    Target t = new Target(pos.getLine(), ctx.prefixStart(), Math.min(pos.getCharacter(), doc.line(pos.getLine()).length()),
        needsSpace(doc.line(pos.getLine()), ctx), ctx.prefix());
    List<CompletionItem> items = new ArrayList<>();
    switch (ctx.kind()) {
      case NONE -> { }
      case KEY -> {
        if (doc.text().isBlank()) {
          items.addAll(Snippets.items(t));
        }
        items.addAll(KeyCompletions.items(FieldModel.at(ctx.ownerPath()), ctx.presentKeys(), t, childIndent(ctx, t)));
      }
      case VALUE -> items.addAll(values(ctx.valuePath(), ctx, t));
      case ITEM -> {
        Field item = FieldModel.at(ctx.valuePath());
        if (item != null && item.accepts(FieldType.OBJECT) && !item.children().isEmpty()) {
          items.addAll(KeyCompletions.items(item, ctx.presentKeys(), t, t.start() + 2));
        } else {
          items.addAll(values(ctx.valuePath(), ctx, t));
        }
      }
    }
    return new CompletionList(false, items);
  }

  private List<CompletionItem> values(List<String> path, CursorContext ctx, Target t) {
    String key = lastKey(path);
    Field field = FieldModel.at(path);
    if (field == null || key == null) {
      return List.of();
    }
    Chosen chosen = Chosen.from(ctx.scope());
    boolean inResources = path.contains("resources");
    if (inResources) {
      switch (key) {
        case "accelerators", "gpus" -> {
          return AcceleratorCompletions.items(cat(), chosen, t);
        }
        case "infra" -> {
          return PlacementCompletions.infra(cat(), chosen, t);
        }
        case "cloud" -> {
          return PlacementCompletions.clouds(cat(), chosen, t);
        }
        case "region" -> {
          return PlacementCompletions.regions(cat(), chosen, t);
        }
        case "zone" -> {
          return PlacementCompletions.zones(cat(), chosen, t);
        }
        case "instance_type" -> {
          return PlacementCompletions.instanceTypes(cat(), chosen, t);
        }
        default -> { }
      }
    }
    List<CompletionItem> out = new ArrayList<>();
    for (String v : field.enumValues()) {
      if (t.matches(v)) {
        out.add(t.apply(simple(v, CompletionItemKind.EnumMember, field.description()), v));
      }
    }
    if (field.accepts(FieldType.BOOLEAN)) {
      for (String v : List.of("true", "false")) {
        if (t.matches(v)) {
          out.add(t.apply(simple(v, CompletionItemKind.Value, field.description()), v));
        }
      }
    }
    return out;
  }

  private Catalog cat() {
    return catalog.await();
  }

  private static CompletionItem simple(String label, CompletionItemKind kind, String detail) {
    CompletionItem it = new CompletionItem(label);
    it.setKind(kind);
    it.setDetail(detail);
    return it;
  }

  /** The field name a value belongs to: {@code accelerators} for {@code [.., accelerators, -]}. */
  private static String lastKey(List<String> path) {
    for (int i = path.size() - 1; i >= 0; i--) {
      if (!path.get(i).equals("-")) {
        return path.get(i);
      }
    }
    return null;
  }

  /** Children of a new mapping key go two columns right of it. */
  private static int childIndent(CursorContext ctx, Target t) {
    return t.start() + 2;
  }

  private static boolean needsSpace(String line, CursorContext ctx) {
    if (ctx.kind() != CursorContext.Kind.VALUE) {
      return false;
    }
    int s = ctx.prefixStart();
    return s > 0 && s <= line.length() && line.charAt(s - 1) == ':';
  }
}
