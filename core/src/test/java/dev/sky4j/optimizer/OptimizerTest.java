package dev.sky4j.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.spec.AcceleratorRequest;
import dev.sky4j.spec.Amount;
import dev.sky4j.spec.ResourceChoices;
import dev.sky4j.spec.Resources;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptimizerTest {
  private static final Catalog CATALOG = Catalog.bundled();
  private static final Optimizer OPT = new Optimizer(CATALOG);

  private static Resources gpu(String name, double count) {
    return Resources.any().withAccelerator(AcceleratorRequest.of(name, count));
  }

  private static Resources with(Resources r, Amount cpus, Amount memory, Double maxCost) {
    return new Resources(r.cloud(), r.region(), r.zone(), r.accelerator(), cpus, memory,
        r.instanceType(), r.useSpot(), null, null, null, null, null, null, null, null, null,
        maxCost);
  }

  private static OptimizeResult run(ResourceChoices c) {
    return OPT.optimize(c, 1, Set.of(), null);
  }

  @Test
  void aFractionalGpuLandsOnAHostWithTheWholeGpu() {
    OptimizeResult r = run(ResourceChoices.single(gpu("T4", 0.5)));
    assertThat(r.plans()).as(String.valueOf(r.emptyReason())).isNotEmpty();
    assertThat(r.plans()).allSatisfy(p -> {
      assertThat(p.acceleratorName()).isEqualTo("T4");
      assertThat(p.acceleratorCount()).isEqualTo(1.0);
    });
    assertThat(r.plans().get(0).pricePerNode()).isEqualTo(CATALOG.offersForAccelerator("T4", 1).get(0).price());
  }

  @Test
  void aKnownGpuWithoutOfferAndALookAlikeTypoSayWhich() {
    assertThat(run(ResourceChoices.single(gpu("A40", 1))).emptyReason())
        .contains("A40 has no offer in this catalog");
    assertThat(run(ResourceChoices.single(gpu("H1OO", 8))).emptyReason()).contains("did you mean H100");
  }

  @Test
  void anyOfPicksTheCheapestAcrossCandidates() {
    OptimizeResult r = run(new ResourceChoices(List.of(gpu("H100", 8), gpu("A100", 8)), false));
    List<LaunchPlan> p = r.plans().stream().filter(x -> !Double.isNaN(x.pricePerNode())).toList();
    assertThat(p).isNotEmpty();
    for (int i = 1; i < p.size(); i++) {
      assertThat(p.get(i).totalPerHour()).isGreaterThanOrEqualTo(p.get(i - 1).totalPerHour());
    }
    double cheapestH100 = CATALOG.offersForAccelerator("H100", 8).get(0).price();
    double cheapestA100 = CATALOG.offersForAccelerator("A100", 8).get(0).price();
    assertThat(p.get(0).pricePerNode()).isEqualTo(Math.min(cheapestH100, cheapestA100));
    assertThat(p).extracting(LaunchPlan::acceleratorName).contains("H100", "A100");
  }

  @Test
  void orderedTriesTheFirstCandidateFirstEvenWhenDearer() {
    // A100:8 is cheaper somewhere than H100:8; ordered [H100:8, A100:8] must still start with H100
    OptimizeResult r = run(new ResourceChoices(List.of(gpu("H100", 8), gpu("A100", 8)), true));
    List<LaunchPlan> p = r.plans();
    int firstA100 = -1;
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i).acceleratorName().equals("A100") && firstA100 < 0) {
        firstA100 = i;
      }
      if (firstA100 >= 0) {
        assertThat(p.get(i).acceleratorName()).isEqualTo("A100");
      }
    }
    assertThat(p.get(0).acceleratorName()).isEqualTo("H100");
    assertThat(firstA100).isPositive();
  }

  @Test
  void nameIsCaseInsensitiveAndTotalScalesWithNodes() {
    OptimizeResult r = OPT.optimize(ResourceChoices.single(gpu("h100", 8)), 4, Set.of(), null);
    LaunchPlan best = r.plans().get(0);
    assertThat(best.acceleratorName()).isEqualTo("H100");
    assertThat(best.totalPerHour()).isEqualTo(best.pricePerNode() * 4);
  }

  @Test
  void blockedPlacementsAreSkippedAndWildcardsBlockWholeClouds() {
    ResourceChoices c = ResourceChoices.single(gpu("A100", 8));
    LaunchPlan first = run(c).plans().get(0);
    OptimizeResult again = OPT.optimize(c, 1, Set.of(Blocked.placement(first)), null);
    assertThat(again.plans()).doesNotContain(first).isNotEmpty();
    OptimizeResult noCloud = OPT.optimize(c, 1, Set.of(Blocked.cloud(first.cloud())), null);
    assertThat(noCloud.plans()).noneMatch(p -> p.cloud().equals(first.cloud()));
    Set<Blocked> all = Set.of(new Blocked(null, null, null, null));
    OptimizeResult none = OPT.optimize(c, 1, all, null);
    assertThat(none.plans()).isEmpty();
    assertThat(none.emptyReason()).contains("blocked");
  }

  @Test
  void spotUsesSpotPricesAndSkipsOffersWithoutThem() {
    Resources r = gpu("A100", 8).withUseSpot(true);
    List<LaunchPlan> p = run(ResourceChoices.single(r)).plans();
    assertThat(p).isNotEmpty().allMatch(LaunchPlan::spot).noneMatch(x -> x.cloud().equals("lambda"));
    Offer src = CATALOG.offersForAccelerator("A100", 8).stream()
        .filter(o -> o.cloud().equals(p.get(0).cloud()) && o.region().equals(p.get(0).region())
            && o.instanceType().equals(p.get(0).instanceType())
            && (p.get(0).zone() == null || p.get(0).zone().equals(o.zone())))
        .findFirst().orElseThrow();
    assertThat(p.get(0).pricePerNode()).isEqualTo(src.spotPrice());
    // GCP spot plans keep their zone; on-demand AWS GPU plans are per region
    assertThat(p).filteredOn(x -> x.cloud().equals("gcp")).allMatch(x -> x.zone() != null);
    List<LaunchPlan> od = run(ResourceChoices.single(gpu("A100", 8))).plans();
    assertThat(od).filteredOn(x -> x.cloud().equals("aws")).isNotEmpty()
        .allMatch(x -> x.zone() == null);
  }

  @Test
  void spotOnACloudWithoutSpotExplainsItself() {
    Resources r = gpu("A6000", 1).withUseSpot(true);
    OptimizeResult res = run(ResourceChoices.single(r));
    assertThat(res.plans()).isEmpty();
    assertThat(res.emptyReason()).contains("no spot offer for A6000:1")
        .contains("lambda gpu_1x_a6000");
  }

  @Test
  void maxHourlyCostExplainsTheCheapestExcludedOffer() {
    Resources r = with(gpu("H100", 8), null, null, 1.0);
    OptimizeResult res = run(ResourceChoices.single(r));
    double cheapest = CATALOG.offersForAccelerator("H100", 8).get(0).price();
    assertThat(res.plans()).isEmpty();
    assertThat(res.emptyReason()).startsWith("max_hourly_cost $1.00 excludes every offer of H100:8")
        .contains(String.format(java.util.Locale.ROOT, "$%.2f/h", cheapest));
    Resources ok = with(gpu("H100", 8), null, null, cheapest);
    assertThat(run(ResourceChoices.single(ok)).plans()).isNotEmpty()
        .allMatch(p -> p.pricePerNode() <= cheapest);
  }

  @Test
  void defaultCpuNodeHasEightVcpusAndFourGibEach() {
    List<LaunchPlan> p = run(ResourceChoices.single(Resources.any())).plans();
    assertThat(p).isNotEmpty().allMatch(x -> x.acceleratorName() == null)
        .allMatch(x -> x.vcpus() >= 8 && x.memoryGib() >= 4 * x.vcpus());
    double cheapest = CATALOG.clouds().stream().flatMap(c -> CATALOG.cpuOffers(c).stream())
        .filter(o -> o.vcpus() >= 8 && o.memoryGib() >= 4 * o.vcpus() && o.hasPrice())
        .mapToDouble(Offer::price).min().orElseThrow();
    assertThat(p.get(0).pricePerNode()).isEqualTo(cheapest);
  }

  @Test
  void cpusAndMemoryAmountsFilter() {
    Resources r = with(Resources.any().withPlacement("aws", null, null), Amount.exactly(16),
        new Amount(4, false, true), null);
    List<LaunchPlan> p = run(ResourceChoices.single(r)).plans();
    assertThat(p).isNotEmpty().allMatch(x -> x.vcpus() == 16 && x.memoryGib() >= 64)
        .allMatch(x -> x.cloud().equals("aws"));
  }

  @Test
  void regionAndZoneAndEnabledCloudsNarrowThePlacement() {
    Resources r = gpu("A100", 1).withPlacement("gcp", "us-central1", "us-central1-a");
    assertThat(run(ResourceChoices.single(r)).plans()).singleElement()
        .satisfies(p -> assertThat(p.infra()).isEqualTo("gcp/us-central1/us-central1-a"));
    OptimizeResult res = OPT.optimize(ResourceChoices.single(gpu("A6000", 1)), 1, Set.of(),
        Set.of("aws"));
    assertThat(res.plans()).isEmpty();
    assertThat(res.emptyReason()).contains("no enabled cloud offers A6000:1");
    OptimizeResult region = run(ResourceChoices.single(
        gpu("H100", 8).withPlacement("aws", "mars-1", null)));
    assertThat(region.emptyReason()).contains("not offered in region mars-1")
        .contains("the cheapest elsewhere is aws");
  }

  @Test
  void memoryFormCoversEveryBigEnoughGpu() {
    Resources r = Resources.any().withAccelerator(new AcceleratorRequest(null, 8, 80.0, true, null));
    List<LaunchPlan> p = run(ResourceChoices.single(r)).plans();
    assertThat(p).extracting(LaunchPlan::acceleratorName)
        .contains("H100", "A100-80GB", "H200").doesNotContain("A100", "T4");
  }

  @Test
  void unknownNameAndMissingCountSayWhatExists() {
    assertThat(run(ResourceChoices.single(gpu("H10", 1))).emptyReason())
        .contains("'H10' is not in the catalog").contains("H100");
    assertThat(run(ResourceChoices.single(gpu("H100", 3))).emptyReason())
        .isEqualTo("H100:3 is not offered; H100 comes in counts 1, 2, 4, 8");
  }

  @Test
  void tiesComeOutInTheSameOrderEveryTime() {
    ResourceChoices c = ResourceChoices.single(gpu("A100", 8));
    assertThat(run(c).plans()).isEqualTo(run(c).plans());
  }
}
