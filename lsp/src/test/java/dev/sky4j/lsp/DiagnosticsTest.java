package dev.sky4j.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.lsp.diagnostics.Analyzer;
import dev.sky4j.spec.TaskLoader;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
  static final String URI = "file:///tmp/sky4j-lsp-test/task.yaml";

  @Test
  void initializeAnnouncesIncrementalSyncAndEveryFeature() throws Exception {
    try (LspSession s = new LspSession()) {
      var caps = s.initializeResult.getCapabilities();
      assertThat(caps.getTextDocumentSync().getRight().getChange()).isEqualTo(TextDocumentSyncKind.Incremental);
      assertThat(caps.getCompletionProvider()).isNotNull();
      assertThat(caps.getHoverProvider().getLeft()).isTrue();
      assertThat(caps.getCodeActionProvider()).isNotNull();
      assertThat(caps.getCodeLensProvider()).isNotNull();
      assertThat(caps.getDocumentSymbolProvider().getLeft()).isTrue();
      assertThat(caps.getFoldingRangeProvider().getLeft()).isTrue();
    }
  }

  @Test
  void publishesExactlyCoresCodesMessagesAndSeverities() throws Exception {
    String text = "name: demo\nresources:\n  accelerator: H100:8\n  use_spot: maybe\nrun: echo hi\n";
    var core = TaskLoader.load(text, Analyzer.fileName(URI), Catalog.get()).diagnostics();
    assertThat(core).isNotEmpty();
    try (LspSession s = new LspSession()) {
      s.open(URI, text);
      PublishDiagnosticsParams p = s.awaitVersion(URI, 1);
      assertThat(p.getDiagnostics()).hasSameSizeAs(core);
      for (int i = 0; i < core.size(); i++) {
        Diagnostic d = p.getDiagnostics().get(i);
        assertThat(d.getMessage()).isEqualTo(core.get(i).message());
        assertThat(d.getCode().getLeft()).isEqualTo(core.get(i).code());
        assertThat(d.getSource()).isEqualTo("sky4j");
        assertThat(d.getRange().getStart().getLine()).isEqualTo(core.get(i).range().startLine() - 1);
        assertThat(d.getSeverity()).isEqualTo(switch (core.get(i).severity()) {
          case ERROR -> DiagnosticSeverity.Error;
          case WARNING -> DiagnosticSeverity.Warning;
          case INFO -> DiagnosticSeverity.Information;
        });
      }
      Diagnostic typo = p.getDiagnostics().stream().filter(d -> d.getMessage().contains("accelerator'")).findFirst().orElseThrow();
      assertThat(typo.getRange()).isEqualTo(LspSession.range(2, 2, 2, 13));
    }
  }

  @Test
  void nonAsciiBeforeAnErrorDoesNotShiftTheRange() throws Exception {
    // "🚀" is one code point but two UTF-16 units; "é" is one of each
    String text = "resources: {cpus: 2, accelerator: H100}  # 🚀 é\nrun: echo 🚀\n";
    String emoji = "# 🚀🚀 fast\nresources:\n  accelerators: H100:1\n  disk_tier: 🚀fast\nrun: echo\n";
    try (LspSession s = new LspSession()) {
      s.open(URI, emoji);
      Diagnostic d = s.awaitVersion(URI, 1).getDiagnostics().stream()
          .filter(x -> x.getRange().getStart().getLine() == 3).findFirst().orElseThrow();
      // the value starts at code point column 14 (UTF-16 13) and spans 🚀fast = 6 UTF-16 units
      assertThat(d.getRange()).isEqualTo(LspSession.range(3, 13, 3, 19));
      s.open(URI + "2", text);
      assertThat(s.awaitVersion(URI + "2", 1).getDiagnostics()).isNotEmpty();
    }
  }

  @Test
  void incrementalEditsUpdateDiagnostics() throws Exception {
    try (LspSession s = new LspSession()) {
      s.open(URI, "resources:\n  use_spot: true\nrun: echo hi\n");
      assertThat(s.awaitVersion(URI, 1).getDiagnostics()).isEmpty();
      // rename use_spot -> use-spot: a did-you-mean error appears
      s.edit(URI, 2, LspSession.range(1, 5, 1, 6), "-");
      assertThat(s.awaitVersion(URI, 2).getDiagnostics()).extracting(Diagnostic::getMessage)
          .anyMatch(m -> m.contains("use_spot"));
      s.edit(URI, 3, LspSession.range(1, 5, 1, 6), "_");
      assertThat(s.awaitVersion(URI, 3).getDiagnostics()).isEmpty();
    }
  }

  @Test
  void aBurstOfEditsIsValidatedOnceForTheLastVersion() throws Exception {
    try (LspSession s = new LspSession(Map.of("debounceMs", 300))) {
      s.open(URI, "run: echo\n");
      s.awaitVersion(URI, 1);
      for (int v = 2; v <= 8; v++) {
        s.edit(URI, v, LspSession.range(0, 9, 0, 9), "x");
      }
      s.awaitVersion(URI, 8);
      Thread.sleep(400);
      List<Integer> versions = s.client.diagnostics.stream().map(PublishDiagnosticsParams::getVersion).toList();
      assertThat(versions).containsExactly(1, 8);
    }
  }

  @Test
  void severalDocumentsKeepTheirOwnDiagnostics() throws Exception {
    try (LspSession s = new LspSession()) {
      s.open(URI + "a", "run: echo a\n");
      s.open(URI + "b", "resources:\n  disk_tier: fastest\nrun: echo b\n");
      assertThat(s.awaitVersion(URI + "a", 1).getDiagnostics()).isEmpty();
      assertThat(s.awaitVersion(URI + "b", 1).getDiagnostics()).hasSize(1);
      s.server.getTextDocumentService().didClose(new org.eclipse.lsp4j.DidCloseTextDocumentParams(LspSession.id(URI + "b")));
      s.awaitDiagnostics(URI + "b", p -> p.getDiagnostics().isEmpty());
    }
  }

  @Test
  void garbageAndHalfTypedFilesNeverBreakTheServer() throws Exception {
    List<String> inputs = List.of("\u0000\u0001{{{[[[", "resources:\n  accel", "- - - :\n  ]]", ":\n:\n", "a: &x [*x]\n",
        "resources:\n\taccelerators: H100\n", "run: |\n  echo\n  \"unterminated\n", "\uD800", "---\n---\n---\n");
    try (LspSession s = new LspSession()) {
      int i = 0;
      for (String in : inputs) {
        String uri = URI + "-garbage-" + i++;
        s.open(uri, in);
        PublishDiagnosticsParams p = s.awaitVersion(uri, 1);
        assertThat(p.getDiagnostics()).allSatisfy(d -> assertThat(d.getCode().getLeft()).isNotEqualTo("internal-error"));
      }
      // still answering requests
      s.open(URI, "run: echo\n");
      assertThat(s.awaitVersion(URI, 1).getDiagnostics()).isEmpty();
    }
  }

  @Test
  void halfTypedKeyGivesOneUsefulDiagnostic() throws Exception {
    try (LspSession s = new LspSession()) {
      s.open(URI, "resources:\n  accelerators: H100:1\n  use_sp\nrun: echo\n");
      List<Diagnostic> ds = s.awaitVersion(URI, 1).getDiagnostics();
      // one finding, not a cascade: the YAML parser's own error with its hint
      assertThat(ds).hasSize(1);
      assertThat(ds.get(0).getMessage()).startsWith("YAML syntax error").contains("indentation");
    }
  }

  @Test
  void reportsServerSideLatencyAsTelemetryWhenAsked() throws Exception {
    try (LspSession s = new LspSession(Map.of("debounceMs", 0, "telemetry", true))) {
      s.open(URI, "run: echo\n");
      s.awaitVersion(URI, 1);
      long end = System.currentTimeMillis() + 5000;
      while (s.client.telemetry.isEmpty() && System.currentTimeMillis() < end) {
        Thread.sleep(5);
      }
      assertThat(s.client.telemetry.get(0).toString()).contains("diagnostics").contains("micros");
    }
  }
}
