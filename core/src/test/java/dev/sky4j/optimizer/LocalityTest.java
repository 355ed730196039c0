package dev.sky4j.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.EgressPrices;
import dev.sky4j.spec.AcceleratorRequest;
import dev.sky4j.spec.ResourceChoices;
import dev.sky4j.spec.Resources;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Data locality over the bundled catalog: plans ranked by hourly price plus reading the data once. */
class LocalityTest {
  private static final Optimizer OPT = new Optimizer(Catalog.bundled());
  private static final EgressPrices EGRESS = EgressPrices.builtin();

  /** m6i.large costs the same $0.096/h in us-east-1, us-east-2 and us-west-2. */
  private static Resources m6i() {
    return new Resources("aws", null, null, null, null, null, "m6i.large", false, null, null, null,
        null, null, null, null, null, null, null);
  }

  private static DataLocality bucket(String region, long bytes) {
    return new DataLocality(List.of(new DataLocality.Bucket("s3://data", "aws", region, bytes)));
  }

  private static OptimizeResult plan(ResourceChoices c, DataLocality d) {
    return Locality.rerank(OPT.optimize(c, 1, Set.of(), null), d, EGRESS, c.ordered());
  }

  @Test
  void amongEquallyPricedRegionsTheBucketsOwnWins() {
    ResourceChoices c = ResourceChoices.single(m6i());
    assertThat(plan(c, DataLocality.NONE).best().orElseThrow().region()).isEqualTo("us-east-1");
    LaunchPlan best = plan(c, bucket("us-west-2", 5_000_000)).best().orElseThrow();
    assertThat(best.region()).isEqualTo("us-west-2");
    assertThat(bucket("us-west-2", 5_000_000).egressUsd(best, EGRESS)).isZero();
  }

  @Test
  void aBigBucketPullsTheJobToAPricierRegionASmallOneDoesNot() {
    ResourceChoices c = ResourceChoices.single(m6i());
    // eu-west-1 is $0.011/h dearer; moving 1 TB out of it costs $20
    assertThat(plan(c, bucket("eu-west-1", 1_000_000_000_000L)).best().orElseThrow().region())
        .isEqualTo("eu-west-1");
    assertThat(plan(c, bucket("eu-west-1", 1_000_000)).best().orElseThrow().region())
        .isEqualTo("us-east-1");
  }

  @Test
  void egressIsBucketSizeTimesTheInterRegionPrice() {
    LaunchPlan east = plan(ResourceChoices.single(m6i()), DataLocality.NONE).best().orElseThrow();
    assertThat(bucket("eu-west-1", 50_000_000_000L).egressUsd(east, EGRESS)).isEqualTo(1.0);
    assertThat(bucket("sa-east-1", 1_000_000_000L).egressUsd(east, EGRESS)).isEqualTo(0.138);
    assertThat(EGRESS.perGb("aws", "us-east-1", "local", "region-a")).isEqualTo(0.09);
  }

  @Test
  void orderedChoicesKeepTheirOrder() {
    Resources gpu = Resources.any().withAccelerator(AcceleratorRequest.of("T4", 1))
        .withPlacement("aws", null, null);
    ResourceChoices ordered = new ResourceChoices(List.of(gpu, m6i()), true);
    OptimizeResult r = plan(ordered, bucket("us-west-2", 1_000_000_000_000L));
    assertThat(r.best().orElseThrow().acceleratorName()).isEqualTo("T4");
    assertThat(r.best().orElseThrow().region()).isEqualTo("us-west-2");
  }
}
