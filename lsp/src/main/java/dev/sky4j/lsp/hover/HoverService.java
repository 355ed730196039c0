package dev.sky4j.lsp.hover;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.optimizer.Plans;
import dev.sky4j.lsp.catalog.CatalogHolder;
import dev.sky4j.lsp.complete.Chosen;
import dev.sky4j.lsp.complete.Money;
import dev.sky4j.lsp.text.TextDocument;
import dev.sky4j.lsp.yaml.CursorContext;
import dev.sky4j.lsp.yaml.CursorResolver;
import dev.sky4j.lsp.yaml.LineScanner;
import dev.sky4j.lsp.yaml.YamlLine;
import dev.sky4j.spec.AcceleratorRequest;
import dev.sky4j.spec.schema.Field;
import dev.sky4j.spec.schema.FieldModel;
import dev.sky4j.spec.schema.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Hover: a key shows its field docs (the same text as the JSON schema description); an
 * accelerator value shows the cheapest offers for it as a table.
 */
public final class HoverService {
  static final int ROWS = 8;
  private static final String[] BANDS = {"<5%", "5-10%", "10-15%", "15-20%", ">20%"};

  private final CatalogHolder catalog;

  public HoverService(CatalogHolder catalog) {
    this.catalog = catalog;
  }

  public Hover hover(TextDocument doc, Position pos) {
    String text = doc.line(pos.getLine());
    int ch = Math.min(pos.getCharacter(), text.length());
    YamlLine line = LineScanner.scan(pos.getLine(), text);
    List<String> lines = doc.lines();
    if (line.hasKey() && ch >= line.keyStart() && ch <= line.keyEnd()) {
      CursorContext ctx = CursorResolver.resolve(lines, pos.getLine(), line.keyEnd());
      List<String> path = new ArrayList<>(ctx.ownerPath());
      path.add(line.key());
      Field f = FieldModel.at(path);
      if (f == null || ctx.kind() == CursorContext.Kind.NONE) {
        return null;
      }
      return hover(fieldDoc(path, f), new Range(new Position(pos.getLine(), line.keyStart()), new Position(pos.getLine(), line.keyEnd())));
    }
    int[] word = word(text, ch);
    if (word == null) {
      return null;
    }
    CursorContext ctx = CursorResolver.resolve(lines, pos.getLine(), word[0]);
    if (ctx.kind() != CursorContext.Kind.VALUE && ctx.kind() != CursorContext.Kind.ITEM) {
      return null;
    }
    String key = ctx.valueKey();
    if (!"accelerators".equals(key) && !"gpus".equals(key)) {
      return null;
    }
    String token = text.substring(word[0], word[1]);
    String md = acceleratorTable(token, Chosen.from(ctx.scope()));
    return md == null ? null
        : hover(md, new Range(new Position(pos.getLine(), word[0]), new Position(pos.getLine(), word[1])));
  }

  private String acceleratorTable(String token, Chosen chosen) {
    String name = token;
    double count = 0;
    int colon = token.indexOf(':');
    if (colon >= 0) {
      name = token.substring(0, colon);
      try {
        count = Double.parseDouble(token.substring(colon + 1));
      } catch (NumberFormatException e) {
        count = 0;
      }
    }
    Catalog c = catalog.await();
    if (c == null || c.accelerator(name).isEmpty()) {
      return null;
    }
    var info = c.accelerator(name).get();
    List<Offer> rows = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Offer o : c.offersForAccelerator(info.name(), count)) {
      // zones of a region repeat the same row: one per cloud/region/instance (cheapest first)
      if ((chosen.cloud() == null || chosen.cloud().equalsIgnoreCase(o.cloud()))
          && (chosen.region() == null || chosen.region().equalsIgnoreCase(o.region()))
          && seen.add(o.cloud() + "/" + o.region() + "/" + o.instanceType() + "/" + o.acceleratorCount())) {
        rows.add(o);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(info.name()).append(count > 0 ? " ×" + AcceleratorRequest.formatCount(count) : "")
        .append("** · ").append(Money.gib(info.memoryGib())).append(" per device · ")
        .append(info.vendor() == null ? "" : info.vendor() + " · ")
        .append("counts ").append(info.counts().stream().map(AcceleratorRequest::formatCount).collect(Collectors.joining(", ")))
        .append("\n\n");
    if (rows.isEmpty()) {
      sb.append("No offer").append(where(chosen)).append(" in the catalog (").append(c.date()).append(").");
      return sb.toString();
    }
    sb.append("| cloud | region | instance | vCPUs | memory | $/h | spot $/h | interruption |\n");
    sb.append("|---|---|---|--:|--:|--:|--:|---|\n");
    for (Offer o : rows.subList(0, Math.min(ROWS, rows.size()))) {
      sb.append("| ").append(o.cloud()).append(" | ").append(o.region()).append(" | ")
          .append(o.instanceType() == null ? "" : o.instanceType()).append(" | ")
          .append(num(o.vcpus())).append(" | ").append(Money.gib(o.memoryGib())).append(" | ")
          .append(o.hasPrice() ? Money.amount(o.price()) : Plans.PRICE_UNKNOWN).append(" | ").append(Money.amount(o.spotPrice())).append(" | ")
          .append(band(o.interruptionBand())).append(" |\n");
    }
    sb.append("\n").append(rows.size()).append(" offers").append(where(chosen)).append(", cheapest on-demand first · catalog ").append(c.date());
    String hint = c.staleHint(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    if (hint != null) {
      sb.append("\n\n").append(hint);
    }
    return sb.toString();
  }

  private static String where(Chosen chosen) {
    if (chosen.cloud() == null) {
      return "";
    }
    return " in " + chosen.cloud() + (chosen.region() == null ? "" : " " + chosen.region());
  }

  private static String band(Integer b) {
    return b == null || b < 0 || b >= BANDS.length ? "" : BANDS[b];
  }

  private static String num(double v) {
    if (Double.isNaN(v) || v <= 0) {
      return "";
    }
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String fieldDoc(List<String> path, Field f) {
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(String.join(".", path).replace(".-", "[]")).append("** (")
        .append(f.types().stream().map(FieldType::jsonName).collect(Collectors.joining(" | "))).append(")\n\n")
        .append(f.description());
    if (!f.enumValues().isEmpty()) {
      sb.append("\n\nOne of: ").append(f.enumValues().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")));
    }
    if (f.minimum() != null || f.maximum() != null) {
      sb.append("\n\nRange: ").append(f.minimum() == null ? "" : num(f.minimum())).append("..")
          .append(f.maximum() == null ? "" : num(f.maximum()));
    }
    if (f.deprecatedBy() != null) {
      sb.append("\n\nDeprecated: use `").append(f.deprecatedBy()).append("`.");
    }
    return sb.toString();
  }

  /** The value token around {@code ch}: stops at spaces, quotes and flow punctuation. */
  private static int[] word(String text, int ch) {
    int s = ch;
    int e = ch;
    while (s > 0 && isWordChar(text.charAt(s - 1))) {
      s--;
    }
    while (e < text.length() && isWordChar(text.charAt(e))) {
      e++;
    }
    return s == e ? null : new int[] {s, e};
  }

  private static boolean isWordChar(char c) {
    return !(Character.isWhitespace(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
        || c == '"' || c == '\'' || c == '#');
  }

  private static Hover hover(String markdown, Range r) {
    return new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown), r);
  }
}
