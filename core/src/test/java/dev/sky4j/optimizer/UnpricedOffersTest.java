package dev.sky4j.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.spec.ResourceChoices;
import dev.sky4j.spec.Resources;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rows that say where a type is offered but not its price: usable, ranked last. */
class UnpricedOffersTest {
  private static final Optimizer OPT = new Optimizer(Catalog.bundled());

  private static Resources type(String cloud, String region, String zone, String instanceType) {
    return new Resources(cloud, region, zone, null, null, null, instanceType, false, null, null,
        null, null, null, null, null, null, null, null);
  }

  private static OptimizeResult run(Resources r) {
    return OPT.optimize(new ResourceChoices(List.of(r), false), 1, Set.of(), null);
  }

  @Test
  void anUnpricedTypeGetsPlansThatSayPriceUnknown() {
    OptimizeResult r = run(type("aws", "us-east-1", null, "m5.2xlarge"));
    assertThat(r.plans()).singleElement().satisfies(p -> {
      assertThat(p.instanceType()).isEqualTo("m5.2xlarge");
      assertThat(Double.isNaN(p.pricePerNode())).isTrue();
    });
    // a zone ID of the region is a place the region-wide row covers
    assertThat(run(type("aws", "us-east-1", "use1-az1", "m5.2xlarge")).plans()).hasSize(1);
    // a price cap cannot be met by an unknown price; the reason says so
    Resources capped = new Resources("aws", null, null, null, null, null, "m5.2xlarge", false,
        null, null, null, null, null, null, null, null, null, 1.0);
    assertThat(run(capped).emptyReason()).contains("price unknown");
  }

  @Test
  void pricedPlansComeBeforeUnpricedOnes() {
    List<LaunchPlan> plans = run(type("aws", null, null, "g5.xlarge")).plans();
    int firstUnknown = plans.size();
    for (int i = 0; i < plans.size(); i++) {
      if (Double.isNaN(plans.get(i).pricePerNode())) {
        firstUnknown = Math.min(firstUnknown, i);
      } else {
        assertThat(i).as("priced plan after an unpriced one").isLessThan(firstUnknown);
      }
    }
    assertThat(firstUnknown).isBetween(1, plans.size() - 1);
  }
}
