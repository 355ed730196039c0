package dev.sky4j.lsp.complete;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.lsp.catalog.AcceleratorIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * {@code accelerators:} values as {@code NAME:COUNT} for counts the catalog offers, cheapest
 * first, limited to the cloud/region already chosen. The detail carries memory and the cheapest
 * on-demand and spot prices, so the list doubles as a price sheet.
 */
final class AcceleratorCompletions {
  private AcceleratorCompletions() {}

  static List<CompletionItem> items(Catalog catalog, Chosen chosen, Target target) {
    List<CompletionItem> out = new ArrayList<>();
    if (catalog == null) {
      return out;
    }
    List<AcceleratorIndex.Priced> priced =
        AcceleratorIndex.of(catalog).priced(chosen.cloud(), chosen.region(), chosen.spot());
    int rank = 0;
    for (AcceleratorIndex.Priced p : priced) {
      String label = p.group().label();
      rank++;
      if (!target.matches(label)) {
        continue;
      }
      CompletionItem item = new CompletionItem(label);
      item.setKind(CompletionItemKind.Value);
      item.setDetail(detail(p));
      item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, documentation(p)));
      item.setSortText(String.format(Locale.ROOT, "%05d", rank));
      out.add(target.apply(item, label));
    }
    return out;
  }

  static String detail(AcceleratorIndex.Priced p) {
    return Money.gib(p.group().memoryGib()) + " · " + Money.onDemand(p.onDemand())
        + " · spot " + Money.perHour(p.spot());
  }

  private static String documentation(AcceleratorIndex.Priced p) {
    Offer o = p.cheapest();
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(p.group().label()).append("** · ").append(Money.gib(p.group().memoryGib()))
        .append(" per device\n\n");
    sb.append("Cheapest on-demand: ").append(where(o)).append(" ").append(Money.perHour(o)).append("\n\n");
    if (p.cheapestSpot() != null) {
      sb.append("Cheapest spot: ").append(where(p.cheapestSpot())).append(" ")
          .append(Money.perHour(p.spot())).append("\n\n");
    }
    sb.append(p.group().offers().size()).append(" offers in the catalog.");
    return sb.toString();
  }

  static String where(Offer o) {
    return o.cloud() + " " + o.region() + (o.instanceType() == null ? "" : " " + o.instanceType());
  }
}
