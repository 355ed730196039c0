package dev.sky4j.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.lsp.text.TextDocument;
import dev.sky4j.spec.schema.FieldModel;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeaturesTest {
  static LspSession s;
  static int n;

  @BeforeAll
  static void start() throws Exception {
    s = new LspSession();
  }

  @AfterAll
  static void stop() throws Exception {
    s.close();
  }

  static String open(String text) {
    String uri = "file:///tmp/sky4j-lsp-test/f" + (n++) + ".yaml";
    s.open(uri, text);
    return uri;
  }

  static Hover hover(String text, int line, int ch) throws Exception {
    return s.server.getTextDocumentService().hover(new HoverParams(LspSession.id(open(text)), new Position(line, ch))).get();
  }

  @Test
  void hoverOnAKeyShowsTheFieldDocs() throws Exception {
    Hover h = hover("resources:\n  disk_tier: best\n", 1, 5);
    String md = h.getContents().getRight().getValue();
    assertThat(md).contains("resources.disk_tier")
        .contains(FieldModel.at(List.of("resources", "disk_tier")).description()).contains("`ultra`");
    assertThat(h.getRange()).isEqualTo(LspSession.range(1, 2, 1, 11));
    assertThat(hover("run: |\n  echo resources\n", 1, 9)).isNull();
  }

  @Test
  void hoverOnAnAcceleratorShowsAnOffersTable() throws Exception {
    String md = hover("resources:\n  accelerators: V100:1\n", 1, 18).getContents().getRight().getValue();
    assertThat(md).contains("| cloud | region | instance | vCPUs | memory | $/h | spot $/h | interruption |");
    var cheapest = Catalog.get().offersForAccelerator("V100", 1).get(0);
    List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| cloud")).toList();
    assertThat(rows.get(0)).contains(cheapest.region()).contains(cheapest.instanceType());
    assertThat(rows).doesNotHaveDuplicates();
    String aws = hover("resources:\n  infra: aws\n  accelerators: V100:1\n", 2, 18).getContents().getRight().getValue();
    assertThat(aws).contains("| aws | us-east-1 | p3.2xlarge | 8 |").contains(">20%").doesNotContain("| gcp ");
    String gcpOnly = hover("resources:\n  infra: gcp\n  accelerators: [L4:1, V100:1]\n", 2, 25).getContents().getRight().getValue();
    assertThat(gcpOnly.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| cloud"))).allMatch(l -> l.startsWith("| gcp "));
  }

  @Test
  void hoverShowsTheCatalogDateAndAnUnknownPriceAsSuch() throws Exception {
    String md = hover("resources:\n  infra: aws\n  accelerators: Trainium2:16\n", 2, 18)
        .getContents().getRight().getValue();
    assertThat(md).contains("trn2.48xlarge").contains("price unknown")
        .contains("catalog " + Catalog.get().date())
        .contains("run `sky catalog refresh`"); // the bundled snapshot is over 30 days old
  }

  static List<CodeAction> actions(String uri, int line) throws Exception {
    CodeActionParams p = new CodeActionParams(LspSession.id(uri), LspSession.range(line, 4, line, 4), new CodeActionContext(List.of()));
    return s.server.getTextDocumentService().codeAction(p).get().stream().map(Either::getRight).toList();
  }

  static String applied(String text, String uri, CodeAction a) {
    TextDocument d = new TextDocument(uri, 1, text);
    for (TextEdit e : a.getEdit().getChanges().get(uri)) {
      d = d.apply(new TextDocumentContentChangeEvent(e.getRange(), e.getNewText()), 2);
    }
    return d.text();
  }

  @Test
  void quickFixesAreCoresSuggestions() throws Exception {
    String text = "resources:\n  spot_recovery: FAILOVER\n  accelerator: H100:8\nrun: echo\n";
    String uri = open(text);
    CodeAction fix = actions(uri, 1).stream().filter(a -> a.getTitle().contains("job_recovery")).findFirst().orElseThrow();
    assertThat(fix.getKind()).isEqualTo("quickfix");
    assertThat(applied(text, uri, fix)).contains("  job_recovery: FAILOVER\n");
    CodeAction typo = actions(uri, 2).stream().filter(a -> a.getTitle().contains("accelerators")).findFirst().orElseThrow();
    assertThat(applied(text, uri, typo)).contains("  accelerators: H100:8\n");
  }

  @Test
  void addMissingRun() throws Exception {
    String text = "resources:\n  accelerators: L4:1\n";
    String uri = open(text);
    CodeAction add = actions(uri, 0).stream().filter(a -> a.getTitle().equals("Add missing run:")).findFirst().orElseThrow();
    assertThat(applied(text, uri, add)).startsWith(text).contains("\nrun: |\n");
    assertThat(actions(open("run: echo\n"), 0)).noneMatch(a -> a.getTitle().equals("Add missing run:"));
  }

  @Test
  void codeLensShowsTheOptimizersCheapestPlanAndLaunch() throws Exception {
    String uri = open("resources:\n  infra: aws/us-east-1\n  accelerators: V100:1\nrun: echo\n");
    List<? extends CodeLens> lenses = s.server.getTextDocumentService().codeLens(new CodeLensParams(LspSession.id(uri))).get();
    assertThat(lenses).hasSize(2);
    assertThat(lenses.get(0).getCommand().getTitle()).matches("Cheapest: aws us-east-1 p3\\.2xlarge \\$[0-9.]+/h \\(spot \\$[0-9.]+\\)");
    assertThat(lenses.get(1).getCommand().getCommand()).isEqualTo("sky.launch");
    assertThat(lenses.get(1).getCommand().getArguments()).hasSize(1);
    String broken = open("resources:\n  accelerators: NOPE:1\nrun: echo\n");
    assertThat(s.server.getTextDocumentService().codeLens(new CodeLensParams(LspSession.id(broken))).get()).isEmpty();
  }

  @Test
  void symbolsAndFoldingForTaskSections() throws Exception {
    String uri = open("name: t\nresources:\n  accelerators: L4:1\n  any_of:\n    - infra: aws\n    - infra: gcp\nrun: |\n  echo 1\n  echo 2\n");
    List<DocumentSymbol> syms = s.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(LspSession.id(uri)))
        .get().stream().map(Either::getRight).toList();
    assertThat(syms).extracting(DocumentSymbol::getName).containsExactly("name", "resources", "run");
    DocumentSymbol res = syms.get(1);
    assertThat(res.getChildren()).extracting(DocumentSymbol::getName).containsExactly("accelerators", "any_of");
    assertThat(res.getChildren().get(1).getChildren()).extracting(DocumentSymbol::getName).containsExactly("[0]", "[1]");
    assertThat(res.getRange().getEnd().getLine()).isEqualTo(5);
    List<FoldingRange> folds = s.server.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(LspSession.id(uri))).get();
    assertThat(folds).extracting(f -> f.getStartLine() + "-" + f.getEndLine()).contains("1-5", "3-5", "6-8");
  }
}
