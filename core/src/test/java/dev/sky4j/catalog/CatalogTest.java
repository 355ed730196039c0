package dev.sky4j.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
  private static final String HEADER = String.join(",", OfferFile.COLUMNS) + "\n";
  private static final Catalog BUNDLED = Catalog.bundled();

  @Test
  void bundledSnapshotHasEveryCloudAndItsDate() {
    assertThat(BUNDLED.clouds()).containsExactly("aws", "gcp", "azure", "lambda", "nebius", "vast");
    assertThat(BUNDLED.date()).isEqualTo("2026-05-20");
    assertThat(BUNDLED.source()).startsWith("bundled");
    assertThat(BUNDLED.offers("aws").stream().filter(Offer::hasPrice)).hasSize(1616);
    assertThat(BUNDLED.offers("lambda")).hasSize(425);
    assertThat(BUNDLED.regions("aws")).contains("us-east-1");
    assertThat(BUNDLED.zones("gcp", "us-central1")).contains("us-central1-a");
    assertThat(BUNDLED.zones("lambda", "us-east-1")).isEmpty();
  }

  @Test
  void everyAwsInstanceTypeIsOfferedPricedOrNot() {
    // m5 has no price in aws.csv; the offerings derived from AWS's own data still place it
    List<Offer> m5 = BUNDLED.offersForInstanceType("aws", "m5.2xlarge");
    assertThat(m5).isNotEmpty().allMatch(o -> !o.hasPrice() && o.vcpus() == 8 && o.memoryGib() == 32
        && !o.hasAccelerator()).anyMatch(o -> o.region().equals("us-east-1"));
    assertThat(BUNDLED.offers("aws").stream().map(Offer::instanceType).distinct().count())
        .isGreaterThan(1000);
    // a priced type keeps its prices, and its unpriced regions rank after them
    List<Offer> g5 = BUNDLED.offersForInstanceType("aws", "g5.xlarge");
    assertThat(g5.get(0).hasPrice()).isTrue();
    assertThat(g5).allMatch(o -> o.acceleratorName().equals("A10G") && o.acceleratorCount() == 1);
    int firstUnknown = (int) g5.stream().filter(Offer::hasPrice).count();
    assertThat(g5.subList(firstUnknown, g5.size())).allMatch(o -> !o.hasPrice());
    // GPUs only the offerings know, with SkyPilot's names; zones come from AWS's zone IDs
    assertThat(BUNDLED.offersForInstanceType("aws", "p4de.24xlarge")).isNotEmpty()
        .allMatch(o -> o.acceleratorName().equals("A100-80GB") && o.acceleratorCount() == 8);
    assertThat(BUNDLED.offersForAccelerator("Trainium2", 16)).isNotEmpty();
    assertThat(BUNDLED.zones("aws", "af-south-1")).contains("afs1-az1");
  }

  @Test
  void aCatalogOverThirtyDaysOldGetsOneRefreshHint() {
    java.time.LocalDate made = java.time.LocalDate.parse(BUNDLED.date());
    assertThat(BUNDLED.staleHint(made.plusDays(30))).isNull();
    assertThat(BUNDLED.staleHint(made.plusDays(31))).isEqualTo("Hint: the catalog is 31 days old ("
        + BUNDLED.date() + "); prices and offers may have changed: run `sky catalog refresh`.");
  }

  @Test
  void gcpGpuNodeCostsHostPlusAccelerator() {
    // gcp.csv us-central1-a: a2-highgpu-1g 0.73948 (spot 0.36975) + A100:1 2.93391 (spot 1.4341)
    Offer a100 = BUNDLED.offersForAccelerator("A100", 1).stream()
        .filter(o -> "us-central1-a".equals(o.zone())).findFirst().orElseThrow();
    assertThat(a100.instanceType()).isEqualTo("a2-highgpu-1g");
    assertThat(a100.price()).isCloseTo(0.73948 + 2.93391, within(1e-9));
    assertThat(a100.spotPrice()).isCloseTo(0.36975 + 1.4341, within(1e-9));
    assertThat(a100.vcpus()).isEqualTo(12);
    assertThat(a100.memoryGib()).isEqualTo(85);
    // T4 rides on n1-highmem-8 (0.47321) + T4 0.35
    Offer t4 = BUNDLED.offersForAccelerator("t4", 1).stream()
        .filter(o -> "us-central1-a".equals(o.zone())).findFirst().orElseThrow();
    assertThat(t4.instanceType()).isEqualTo("n1-highmem-8");
    assertThat(t4.price()).isCloseTo(0.82321, within(1e-9));
    assertThat(BUNDLED.offersForAccelerator("H100", 8)).anyMatch(
        o -> o.cloud().equals("gcp") && o.instanceType().equals("a3-highgpu-8g"));
    assertThat(BUNDLED.offersForAccelerator("tpu-v5p-8", 1)).allMatch(
        o -> o.instanceType().equals("TPU-VM") && o.price() > 0);
  }

  @Test
  void gpuHostFamiliesAreNotOfferedAsCpuMachines() {
    assertThat(BUNDLED.cpuOffers("gcp")).noneMatch(o -> o.instanceType().startsWith("a2-"))
        .anyMatch(o -> o.instanceType().equals("n2-standard-8"));
    assertThat(BUNDLED.offers("gcp")).noneMatch(o -> o.instanceType() == null);
  }

  @Test
  void lookupsIgnoreCase() {
    assertThat(BUNDLED.accelerator("a100-80gb")).get()
        .satisfies(a -> assertThat(a.name()).isEqualTo("A100-80GB"))
        .satisfies(a -> assertThat(a.memoryGib()).isEqualTo(80));
    assertThat(BUNDLED.accelerator("nope")).isEmpty();
    assertThat(BUNDLED.offersForInstanceType("AWS", "P4D.24XLARGE")).isNotEmpty()
        .allMatch(o -> o.acceleratorName().equals("A100") && o.acceleratorCount() == 8);
    assertThat(BUNDLED.offersForInstanceType(null, "n2-standard-8"))
        .allMatch(o -> o.cloud().equals("gcp")).isNotEmpty();
  }

  @Test
  void fractionalCountsMatchWithinAHundredth() {
    List<Offer> l4 = BUNDLED.offersForAccelerator("L4", 0.125);
    assertThat(l4).isNotEmpty().allMatch(o -> o.cloud().equals("aws"));
    assertThat(BUNDLED.offersForAccelerator("A10", 0.17)).isNotEmpty()
        .allMatch(o -> Math.abs(o.acceleratorCount() - 0.167) < 1e-9);
    List<Offer> h100 = BUNDLED.offersForAccelerator("H100", 8).stream().filter(Offer::hasPrice)
        .toList();
    for (int i = 1; i < h100.size(); i++) {
      assertThat(h100.get(i).price()).isGreaterThanOrEqualTo(h100.get(i - 1).price());
    }
  }

  @Test
  void quotedFieldsWithCommasStayOneField() {
    assertThat(BUNDLED.regions("vast")).contains("Czechia, CZ, EU");
  }

  @Test
  void folderCatalogReadsOnlyItsOwnFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("aws.csv"), HEADER
        + "aws,p9.big,H100,8,192,2048,80,10.5,3.2,us-east-1,,2\n"
        + "aws,m9.large,,,8,32,,0.4,,us-east-1,use1-az1,\n");
    Files.writeString(dir.resolve("catalog.properties"), "date=2027-01-02\nsource=test\n");
    Catalog c = Catalog.load(dir);
    assertThat(c.clouds()).containsExactly("aws");
    assertThat(c.date()).isEqualTo("2027-01-02");
    assertThat(c.offersForAccelerator("h100", 8)).singleElement()
        .satisfies(o -> assertThat(o.interruptionBand()).isEqualTo(2));
    // no accelerators.csv: derived from the offers
    assertThat(c.accelerator("H100")).get()
        .satisfies(a -> assertThat(a.clouds()).containsExactly("aws"));
  }

  @Test
  void overrideFolderReplacesFilesItHoldsAndKeepsTheRest(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("lambda.csv"), HEADER
        + "lambda,gpu_1x_h100,H100,1,26,200,80,0.01,,us-east-1,,\n");
    Catalog c = Catalog.withOverrides(dir);
    assertThat(c.offers("lambda")).singleElement()
        .satisfies(o -> assertThat(o.price()).isEqualTo(0.01));
    assertThat(c.offers("aws").stream().filter(Offer::hasPrice)).hasSize(1616);
    assertThat(c.offersForAccelerator("H100", 1).get(0).cloud()).isEqualTo("lambda");
    assertThat(c.source()).startsWith(dir.toString());
    // an empty folder changes nothing
    assertThat(Catalog.withOverrides(dir.resolve("missing")).source()).startsWith("bundled");
  }

  @Test
  void badFileNamesFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("aws.csv"), HEADER
        + "aws,m9.large,,,8,32,,0.4,,us-east-1,,\n"
        + "aws,m9.large,,,8,32,,cheap,,us-east-1,,\n");
    Catalog c = Catalog.load(dir);
    assertThatThrownBy(c::offers).isInstanceOf(CatalogException.class)
        .hasMessageContaining("aws.csv line 3").hasMessageContaining("'cheap' is not a number");
    Files.writeString(dir.resolve("aws.csv"), "cloud,instance_type\n");
    assertThatThrownBy(() -> Catalog.load(dir).offers()).hasMessageContaining("lacks column");
  }

  @Test
  void plusAddsRuntimeOffersWithoutTouchingTheOriginal() {
    Offer local = new Offer("local", "local-gpu", "H100", 1, 4, 16, 80, 0, Double.NaN, "local",
        null, null);
    Catalog c = BUNDLED.plus(List.of(local));
    assertThat(c.clouds()).contains("local");
    assertThat(c.offersForAccelerator("H100", 1).get(0)).isEqualTo(local);
    assertThat(c.accelerator("H100").orElseThrow().clouds()).contains("local", "aws");
    assertThat(BUNDLED.clouds()).doesNotContain("local");
  }
}
