package dev.sky4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.client.dto.OptimizeResponse;
import dev.sky4j.client.dto.PlanDto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dry run's table shows each plan's data egress next to its price, and the locality warning. */
class DryRunEgressTest {
  private static PlanDto plan(String region, Double egress) {
    return new PlanDto("aws", region, null, "m6i.large", false, null, 2.0, 8.0, 0.096, 1, 0.096,
        0.096, 0.04, null, 0, egress);
  }

  @Test
  void egressColumnAndWarning() {
    OptimizeResponse r = new OptimizeResponse("t", 1, new OptimizeResponse.CatalogInfo("2026-05-20",
        "bundled", null), List.of("aws"), List.of(plan("us-west-2", 0.0), plan("us-east-1", 2.5),
        plan("us-east-2", 0.00006)), 3, null, List.of(),
        List.of("aws/eu-west-1 reads s3://d (aws/us-west-2, 3.0 MB) from another region"));
    StringWriter out = new StringWriter();
    assertThat(DryRun.print(r, new PrintWriter(out), new PrintWriter(new StringWriter()))).isTrue();
    String text = out.toString();
    assertThat(text).contains("DATA_EGRESS$");
    assertThat(text.lines().filter(l -> l.startsWith("aws/us-east-1")).findFirst().orElseThrow())
        .contains("2.50");
    assertThat(text.lines().filter(l -> l.startsWith("aws/us-east-2")).findFirst().orElseThrow())
        .contains("<0.01");
    assertThat(text).contains("Chosen: aws/us-west-2 m6i.large")
        .contains("Warning: aws/eu-west-1 reads s3://d (aws/us-west-2, 3.0 MB) from another region");
  }

  @Test
  void noBucketsNoColumn() {
    OptimizeResponse r = new OptimizeResponse("t", 1, new OptimizeResponse.CatalogInfo("2026-05-20",
        "bundled", null), List.of("aws"), List.of(plan("us-east-1", null)), 1, null, List.of(),
        null);
    StringWriter out = new StringWriter();
    DryRun.print(r, new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(out.toString()).doesNotContain("DATA_EGRESS$").doesNotContain("Warning");
  }
}
