package dev.sky4j.provision.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaSmiParserTest {
  @Test
  void readsTheH200HostFixtureWithItsHeaderUnitsAndMixedOutput() throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/gpu/nvidia-smi-h200.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Gpu> gpus = NvidiaSmiParser.parse(text);
    assertThat(gpus).containsExactly(
        new Gpu(0, "H200", 143771, "GPU-c11893f8-ac71-b872-b9e8-cf716c443c54", false));
  }

  @Test
  void readsTheNoHeaderQueryTheProviderRuns() {
    String out = "0, NVIDIA H100 80GB HBM3, 81559 MiB, GPU-aaa\n1, NVIDIA H100 80GB HBM3, 81559 MiB, GPU-bbb\n";
    List<Gpu> gpus = NvidiaSmiParser.parse(out);
    assertThat(gpus).extracting(Gpu::index, Gpu::name, Gpu::memoryMib, Gpu::uuid)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "H100", 81559L, "GPU-aaa"),
            org.assertj.core.groups.Tuple.tuple(1, "H100", 81559L, "GPU-bbb"));
  }

  @Test
  void mapsMarketingNamesToCatalogNames() {
    assertThat(NvidiaSmiParser.catalogName("Tesla V100-SXM2-16GB")).isEqualTo("V100");
    assertThat(NvidiaSmiParser.catalogName("NVIDIA A100-SXM4-80GB")).isEqualTo("A100-80GB");
    assertThat(NvidiaSmiParser.catalogName("NVIDIA L4")).isEqualTo("L4");
  }

  @Test
  void simulatedGpusAreLabelledSimulated() {
    List<Gpu> sim = GpuInventory.simulated("H100:2");
    assertThat(sim).hasSize(2).allMatch(Gpu::simulated);
    assertThat(sim.get(0).label()).isEqualTo("H100 (simulated)");
  }
}
