package dev.sky4j.spec.validate;

import dev.sky4j.catalog.AcceleratorInfo;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.KnownAccelerators;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Severity;
import dev.sky4j.spec.Suggestion;
import dev.sky4j.spec.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the accelerator name of one request against the catalog, the way SkyPilot does: the exact
 * name (any case), else the one catalog name containing it. A name SkyPilot knows from a cloud we
 * do not bundle ({@code A40}, {@code RTX4090}) is a warning (no offer in this catalog); any other
 * unknown name is an error with did-you-mean, look-alike characters included ({@code H1OO}).
 */
final class AcceleratorNames {
  private final Findings out;
  private final Catalog catalog;

  AcceleratorNames(Findings out, Catalog catalog) {
    this.out = out;
    this.catalog = catalog;
  }

  Optional<AcceleratorInfo> resolve(String name, YNode node, String path) {
    Optional<AcceleratorInfo> info = catalog.accelerator(name);
    if (info.isPresent()) {
      return info;
    }
    Optional<KnownAccelerators.Known> known = KnownAccelerators.find(name);
    if (known.isPresent()) {
      out.warning("accelerator-no-offer", "'" + name + "' is a GPU SkyPilot knows (offered on "
          + String.join(", ", known.get().clouds()) + "), but no cloud in this catalog offers it"
          + " (no offer in this catalog), so a launch will find no place for it. Run 'sky show-gpus'"
          + " for the GPUs this catalog offers.", node, path);
      return Optional.empty();
    }
    return byFragment(name, node, path);
  }

  /**
   * SkyPilot reads a name that is not exact as the one catalog name containing it, and rejects it
   * as ambiguous when several do. The first is a warning here (the file works, but says less than
   * it means), the second an error with one fix per name.
   */
  private Optional<AcceleratorInfo> byFragment(String name, YNode node, String path) {
    List<AcceleratorInfo> containing = catalog.acceleratorsContaining(name);
    if (containing.isEmpty()) {
      unknown(name, node, path);
      return Optional.empty();
    }
    boolean rewritable = node instanceof YNode.Scalar s && s.text().startsWith(name);
    String rest = rewritable ? ((YNode.Scalar) node).text().substring(name.length()) : "";
    if (containing.size() == 1) {
      String full = containing.get(0).name();
      out.add(Severity.WARNING, "accelerator-name-completed", "Accelerator '" + name + "' is read as "
          + full + ", the only catalog accelerator whose name contains it (as SkyPilot does). Write "
          + full + " to say so.", node.range(), path,
          rewritable ? "Replace with '" + full + rest + "'" : null, rewritable ? full + rest : null);
      return Optional.of(containing.get(0));
    }
    List<String> names = containing.stream().map(AcceleratorInfo::name).toList();
    List<Suggestion> fixes = new ArrayList<>();
    if (rewritable) {
      names.stream().limit(5).forEach(n -> fixes.add(
          new Suggestion("Replace with '" + n + rest + "'", node.range(), n + rest)));
    }
    out.add(new Diagnostic(Severity.ERROR, "ambiguous-accelerator", "Accelerator name '" + name
        + "' is ambiguous: the catalog has " + abbreviate(names) + ". Write one of them in full.",
        node.range(), path, fixes, List.of()));
    return Optional.empty();
  }

  private static String abbreviate(List<String> xs) {
    return xs.size() <= 8 ? String.join(", ", xs)
        : String.join(", ", xs.subList(0, 8)) + ", ... (" + xs.size() + " in all)";
  }

  private void unknown(String name, YNode node, String path) {
    List<String> close = closeNames(catalog, name, 5);
    String msg = "Unknown accelerator '" + name + "': neither this catalog nor SkyPilot has such a"
        + " GPU/TPU. " + (close.isEmpty() ? "Run 'sky show-gpus' to list them."
        : "Did you mean " + String.join(", ", close) + "?");
    String fix = null;
    if (!close.isEmpty() && node instanceof YNode.Scalar s && s.text().startsWith(name)) {
      fix = close.get(0) + s.text().substring(name.length());
    }
    out.add(Severity.ERROR, "unknown-accelerator", msg, node.range(), path, fix == null ? null : "Replace with '" + fix + "'", fix);
  }

  /**
   * Names close to an unknown one, best first: look-alikes ({@code H1OO} is {@code H100}), then
   * close spellings (difflib 0.6), then catalog names containing it; catalog names before names
   * only SkyPilot knows.
   */
  static List<String> closeNames(Catalog catalog, String name, int limit) {
    List<String> names = new ArrayList<>();
    catalog.accelerators().forEach(i -> names.add(i.name()));
    for (String k : KnownAccelerators.names()) {
      if (catalog.accelerator(k).isEmpty()) {
        names.add(k);
      }
    }
    Set<String> close = new LinkedHashSet<>(LookAlike.find(name, names));
    List<String> lower = names.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList();
    String lname = name.toLowerCase(Locale.ROOT).trim();
    for (String m : CloseMatch.find(lname, lower, 3, 0.6)) {
      close.add(names.get(lower.indexOf(m)));
    }
    for (int i = 0; i < names.size(); i++) {
      if (lname.length() >= 2 && lower.get(i).contains(lname) && !lower.get(i).startsWith("tpu-")) {
        close.add(names.get(i));
      }
    }
    return close.stream().limit(limit).toList();
  }
}
