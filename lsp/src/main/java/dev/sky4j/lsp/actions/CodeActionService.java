package dev.sky4j.lsp.actions;

import dev.sky4j.lsp.diagnostics.Analysis;
import dev.sky4j.lsp.diagnostics.DiagnosticMapper;
import dev.sky4j.lsp.text.TextDocument;
import dev.sky4j.lsp.yaml.Outline;
import dev.sky4j.lsp.yaml.OutlineNode;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Quick fixes: every suggestion core attached to a diagnostic in the requested range (did you
 * mean, spot_recovery to job_recovery, nearest valid count), and "Add missing run:" when a task
 * document has no {@code run:}.
 */
public final class CodeActionService {
  private CodeActionService() {}

  public static List<Either<Command, CodeAction>> actions(Analysis a, Range requested) {
    TextDocument doc = a.document();
    List<Either<Command, CodeAction>> out = new ArrayList<>();
    for (Diagnostic d : a.diagnostics()) {
      Range r = doc.toLsp(d.range());
      if (d.suggestions().isEmpty() || !overlaps(r, requested)) {
        continue;
      }
      boolean first = true;
      for (Suggestion s : d.suggestions()) {
        CodeAction action = new CodeAction(s.title());
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(DiagnosticMapper.toLsp(doc, d)));
        action.setEdit(edit(doc.uri(), new TextEdit(doc.toLsp(s.range()), s.replacement())));
        action.setIsPreferred(first && d.suggestions().size() == 1);
        first = false;
        out.add(Either.forRight(action));
      }
    }
    CodeAction run = addRun(doc);
    if (run != null) {
      out.add(Either.forRight(run));
    }
    return out;
  }

  /** Appends a {@code run:} block when the (last) task document has none. */
  static CodeAction addRun(TextDocument doc) {
    if (doc.text().isBlank()) {
      return null;
    }
    Outline outline = Outline.of(doc.lines());
    OutlineNode task = outline.roots().get(outline.roots().size() - 1);
    if (task.child("run") != null || task.children().isEmpty()) {
      return null;
    }
    Position end = doc.end();
    String text = (doc.line(end.getLine()).isEmpty() ? "" : "\n") + "run: |\n  echo \"hello from $(hostname)\"\n";
    CodeAction action = new CodeAction("Add missing run:");
    action.setKind(CodeActionKind.QuickFix);
    action.setEdit(edit(doc.uri(), new TextEdit(new Range(end, end), text)));
    return action;
  }

  private static WorkspaceEdit edit(String uri, TextEdit e) {
    return new WorkspaceEdit(Map.of(uri, List.of(e)));
  }

  static boolean overlaps(Range a, Range b) {
    return !(before(a.getEnd(), b.getStart()) || before(b.getEnd(), a.getStart()));
  }

  private static boolean before(Position x, Position y) {
    return x.getLine() < y.getLine() || (x.getLine() == y.getLine() && x.getCharacter() < y.getCharacter());
  }
}
