package dev.sky4j.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompletionTest {
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

  /** Completes at the {@code |} in {@code text}. */
  static List<CompletionItem> complete(String text) throws Exception {
    int at = text.indexOf('|');
    String before = text.substring(0, at);
    int line = (int) before.chars().filter(c -> c == '\n').count();
    int ch = at - (before.lastIndexOf('\n') + 1);
    String uri = "file:///tmp/sky4j-lsp-test/c" + (n++) + ".yaml";
    s.open(uri, text.replace("|", ""));
    return s.server.getTextDocumentService().completion(new CompletionParams(LspSession.id(uri), new Position(line, ch)))
        .get().getRight().getItems();
  }

  static List<String> labels(List<CompletionItem> items) {
    return items.stream().map(CompletionItem::getLabel).toList();
  }

  @Test
  void topLevelKeysWithDocsAndWithoutThoseAlreadyPresent() throws Exception {
    List<CompletionItem> items = complete("name: x\n|\nrun: echo\n");
    assertThat(labels(items)).contains("resources", "setup", "num_nodes", "envs").doesNotContain("name", "run", "_metadata");
    CompletionItem res = items.stream().filter(i -> i.getLabel().equals("resources")).findFirst().orElseThrow();
    assertThat(res.getDocumentation().getRight().getValue()).contains("accelerators");
  }

  @Test
  void resourceKeysInsideResourcesEvenWhenHalfTyped() throws Exception {
    List<CompletionItem> items = complete("resources:\n  use_spot: true\n  acc|\nrun: echo\n");
    assertThat(labels(items)).contains("accelerators").doesNotContain("use_spot", "run", "name");
    CompletionItem spot = complete("resources:\n  spot|\n").stream()
        .filter(i -> i.getLabel().equals("spot_recovery")).findFirst().orElseThrow();
    assertThat(spot.getTags()).isNotEmpty();
  }

  @Test
  void keysInsideAnyOfItems() throws Exception {
    assertThat(labels(complete("resources:\n  any_of:\n    - accelerators: A100:1\n      |\n"))).contains("infra", "use_spot").doesNotContain("accelerators", "any_of");
    assertThat(labels(complete("resources:\n  ordered:\n  - |\n"))).contains("accelerators", "infra");
  }

  @Test
  void acceleratorsAsNameCountWithPricesCheapestFirst() throws Exception {
    List<CompletionItem> items = complete("resources:\n  accelerators: |\nrun: echo\n");
    assertThat(labels(items)).contains("H100:8", "A100:1").allMatch(l -> l.matches("[^:]+:[0-9.]+"));
    CompletionItem h100 = items.stream().filter(i -> i.getLabel().equals("H100:8")).findFirst().orElseThrow();
    assertThat(h100.getDetail()).contains("80 GB").contains("$").contains("spot");
    double previous = 0;
    for (CompletionItem i : items) {
      double price = firstPrice(i.getDetail());
      assertThat(price).isGreaterThanOrEqualTo(previous);
      previous = price;
    }
    // the price shown is the catalog's cheapest on-demand price for that NAME:COUNT
    double cheapest = Catalog.get().offersForAccelerator("H100", 8).stream().filter(o -> o.hasPrice()).mapToDouble(o -> o.price()).min().orElseThrow();
    assertThat(firstPrice(h100.getDetail())).isCloseTo(cheapest, org.assertj.core.data.Offset.offset(0.006));
  }

  @Test
  void acceleratorCompletionRespectsTheChosenCloudAndRegion() throws Exception {
    List<CompletionItem> lambda = complete("resources:\n  infra: lambda\n  accelerators: |\n");
    assertThat(lambda).isNotEmpty();
    for (CompletionItem i : lambda) {
      String name = i.getLabel().split(":")[0];
      assertThat(Catalog.get().offersForAccelerator(name, Double.parseDouble(i.getLabel().split(":")[1])))
          .anyMatch(o -> o.cloud().equals("lambda"));
    }
    List<CompletionItem> all = complete("resources:\n  accelerators: |\n");
    assertThat(lambda.size()).isLessThan(all.size());
    List<CompletionItem> region = complete("resources:\n  cloud: aws\n  region: us-east-1\n  accelerators: H1|\n");
    assertThat(labels(region)).contains("H100:8").allMatch(l -> l.toLowerCase().contains("h1"));
    // the replacement covers what was typed
    assertThat(region.get(0).getTextEdit().getLeft().getRange().getStart().getCharacter()).isEqualTo(16);
  }

  @Test
  void acceleratorsInFlowAndBlockLists() throws Exception {
    assertThat(labels(complete("resources:\n  accelerators: [L4:1, A1|]\n"))).contains("A100:1");
    assertThat(labels(complete("resources:\n  accelerators:\n    - |\n"))).contains("L4:1");
  }

  @Test
  void valueRightAfterTheColonGetsASpace() throws Exception {
    CompletionItem first = complete("resources:\n  use_spot:|\n").get(0);
    assertThat(first.getTextEdit().getLeft().getNewText()).startsWith(" ");
  }

  @Test
  void placementNarrowedByWhatIsChosen() throws Exception {
    assertThat(labels(complete("resources:\n  cloud: |\n"))).contains("aws", "gcp", "local");
    List<String> regions = labels(complete("resources:\n  cloud: aws\n  region: |\n"));
    assertThat(regions).contains("us-east-1").doesNotContain("us-central1");
    assertThat(labels(complete("resources:\n  cloud: gcp\n  region: us-central1\n  zone: |\n"))).contains("us-central1-a");
    assertThat(labels(complete("resources:\n  infra: aws/us-e|\n"))).contains("aws/us-east-1").allMatch(l -> l.startsWith("aws/us-e"));
    assertThat(labels(complete("resources:\n  infra: gc|\n"))).contains("gcp");
    List<String> h100Regions = labels(complete("resources:\n  accelerators: H100:8\n  cloud: aws\n  region: |\n"));
    assertThat(h100Regions).isNotEmpty().hasSizeLessThan(regions.size());
  }

  @Test
  void instanceTypesFilteredByAccelerator() throws Exception {
    List<CompletionItem> items = complete("resources:\n  accelerators: V100:1\n  cloud: aws\n  instance_type: |\n");
    assertThat(labels(items)).contains("p3.2xlarge").allMatch(t -> !t.startsWith("m5."));
    assertThat(items.get(0).getDetail()).contains("V100:1");
  }

  @Test
  void enumsAndBooleans() throws Exception {
    assertThat(labels(complete("resources:\n  disk_tier: |\n"))).containsExactly("low", "medium", "high", "ultra", "best");
    assertThat(labels(complete("resources:\n  network_tier: |\n"))).containsExactly("standard", "best");
    assertThat(labels(complete("resources:\n  job_recovery:\n    strategy: |\n"))).contains("FAILOVER", "EAGER_NEXT_REGION");
    assertThat(labels(complete("resources:\n  autostop:\n    wait_for: |\n"))).contains("jobs_and_ssh", "jobs", "none");
    assertThat(labels(complete("resources:\n  use_spot: |\n"))).containsExactly("true", "false");
  }

  @Test
  void nothingInsideRunScriptsOrComments() throws Exception {
    assertThat(complete("run: |\n  echo hi\n  |\n")).isEmpty();
    assertThat(complete("# resources: |\n")).isEmpty();
  }

  @Test
  void snippetsForANewFile() throws Exception {
    List<CompletionItem> items = complete("|");
    assertThat(labels(items)).contains("dev box", "training job", "spot job", "resources");
    CompletionItem spot = items.stream().filter(i -> i.getLabel().equals("spot job")).findFirst().orElseThrow();
    assertThat(spot.getTextEdit().getLeft().getNewText()).contains("use_spot: true").contains("job_recovery");
  }

  private static double firstPrice(String detail) {
    Matcher m = Pattern.compile("\\$([0-9.]+)/h").matcher(detail);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.MAX_VALUE;
  }
}
