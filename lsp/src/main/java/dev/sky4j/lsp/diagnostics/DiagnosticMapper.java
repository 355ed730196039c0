package dev.sky4j.lsp.diagnostics;

import dev.sky4j.lsp.text.TextDocument;
import dev.sky4j.spec.SourceRange;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;

/** Core diagnostics to LSP ones: same code and message; ranges converted to UTF-16. */
public final class DiagnosticMapper {
  public static final String SOURCE = "sky4j";

  private DiagnosticMapper() {}

  public static List<Diagnostic> toLsp(TextDocument doc, List<dev.sky4j.spec.Diagnostic> core) {
    List<Diagnostic> out = new ArrayList<>(core.size());
    for (dev.sky4j.spec.Diagnostic d : core) {
      out.add(toLsp(doc, d));
    }
    return out;
  }

  public static Diagnostic toLsp(TextDocument doc, dev.sky4j.spec.Diagnostic d) {
    Diagnostic out = new Diagnostic(doc.toLsp(d.range()), d.message(), severity(d.severity()), SOURCE, d.code());
    if (!d.related().isEmpty()) {
      List<DiagnosticRelatedInformation> rel = new ArrayList<>();
      for (SourceRange r : d.related()) {
        rel.add(new DiagnosticRelatedInformation(new Location(doc.uri(), doc.toLsp(r)), "see also"));
      }
      out.setRelatedInformation(rel);
    }
    return out;
  }

  static DiagnosticSeverity severity(dev.sky4j.spec.Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
    };
  }
}
