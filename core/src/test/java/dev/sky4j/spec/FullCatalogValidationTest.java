package dev.sky4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import org.junit.jupiter.api.Test;

/** Every instance type AWS has is valid, whether or not the catalog knows its price. */
class FullCatalogValidationTest {
  private static LoadResult load(String yaml) {
    return TaskLoader.load(yaml, "t.yaml", Catalog.bundled());
  }

  @Test
  void anUnpricedAwsTypeValidatesAndATypoStillGetsADidYouMean() {
    LoadResult r = load("resources:\n  infra: aws/us-east-1\n  instance_type: m5.2xlarge\nrun: x\n");
    assertThat(r.diagnostics()).noneMatch(Diagnostic::isError);
    r = load("resources:\n  infra: aws\n  instance_type: c7g.4xlarge\n  use_spot: true\nrun: x\n");
    assertThat(r.diagnostics()).noneMatch(Diagnostic::isError);
    r = load("resources:\n  infra: aws\n  instance_type: m5.2xlrge\nrun: x\n");
    assertThat(r.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("Did you mean m5.2xlarge"));
  }

  @Test
  void zonesOfEveryAwsRegionAreKnown() {
    // af-south-1 has no priced CPU row; its zone IDs come from AWS's offerings
    LoadResult ok = load("resources:\n  infra: aws/af-south-1/afs1-az2\n  instance_type: m5.large\nrun: x\n");
    assertThat(ok.diagnostics()).noneMatch(Diagnostic::isError);
    LoadResult bad = load("resources:\n  infra: aws/af-south-1/afs1-az9\nrun: x\n");
    assertThat(bad.diagnostics()).anyMatch(d -> d.code().equals("unknown-zone"));
  }
}
