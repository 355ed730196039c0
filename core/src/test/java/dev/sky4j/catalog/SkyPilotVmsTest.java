package dev.sky4j.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkyPilotVmsTest {
  static final String HEADER = "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,"
      + "GpuInfo,Price,SpotPrice,Region,AvailabilityZone\n";

  @Test
  void convertsSkyPilotRowsAndReadsDeviceMemoryFromGpuInfo() {
    SkyPilotVms.Converted c = SkyPilotVms.convert("aws", HEADER
        + "g5.xlarge,A10G,1,4,16,\"{'Gpus': [{'Name': 'A10G', 'MemoryInfo': {'SizeInMiB': 24576}}]}\","
        + "1.006,0.4,us-east-1,use1-az1\n"
        + "x9.large,,,2,8,,,,us-east-1,use1-az1\n", "vms.csv");
    assertThat(c.offers()).isEqualTo(1);
    assertThat(c.skippedWithoutPrice()).isEqualTo(1);
    Catalog cat = Catalog.load(write(c.csv()));
    assertThat(cat.offersForInstanceType("aws", "g5.xlarge")).singleElement().satisfies(o -> {
      assertThat(o.gpuMemoryGib()).isEqualTo(24);
      assertThat(o.spotPrice()).isEqualTo(0.4);
      assertThat(o.zone()).isEqualTo("use1-az1");
    });
  }

  @Test
  void refusesFilesThatAreNotCatalogs() {
    assertThatThrownBy(() -> SkyPilotVms.convert("aws", "", "u")).hasMessageContaining("empty");
    assertThatThrownBy(() -> SkyPilotVms.convert("aws", "a,b\n1,2\n", "u"))
        .hasMessageContaining("lacks column 'InstanceType'");
    assertThatThrownBy(() -> SkyPilotVms.convert("aws", HEADER + "m5.large,,,2,8,,1e9,,r,\n", "u"))
        .hasMessageContaining("u line 2").hasMessageContaining("not a sane hourly price");
    assertThatThrownBy(() -> SkyPilotVms.convert("aws", HEADER + "p,A100,0,2,8,,1,,r,\n", "u"))
        .hasMessageContaining("AcceleratorCount must be above 0");
  }

  @Test
  void aFailedInstallChangesNothing(@TempDir Path home) throws Exception {
    Path folder = home.resolve("catalogs");
    String good = SkyPilotVms.convert("lambda", HEADER + "gpu_1x_h100,H100,1,26,200,,2.49,,us-east-1,\n",
        "u").csv();
    CatalogInstall.install(folder, Map.of("lambda", good), "test", Instant.parse("2026-12-01T10:00:00Z"));
    String before = Files.readString(folder.resolve("lambda.csv"));
    assertThatThrownBy(() -> CatalogInstall.install(folder, Map.of("lambda", good.replace("2.49", "x")),
        "test", Instant.now())).isInstanceOf(CatalogException.class);
    assertThat(Files.readString(folder.resolve("lambda.csv"))).isEqualTo(before);
    assertThat(Catalog.withOverrides(folder).date()).isEqualTo("2026-12-01");
    try (var s = Files.list(home)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("catalogs");
    }
  }

  private static Path write(String csv) {
    try {
      Path d = Files.createTempDirectory("vms");
      Files.writeString(d.resolve("aws.csv"), csv);
      return d;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
