package dev.sky4j.cli;

import static dev.sky4j.cli.InProcessSky.sky;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.cli.InProcessSky.Run;
import dev.sky4j.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sky show-gpus} and {@code sky launch --dryrun}, run in-process as a user would. */
class CatalogCommandsTest {
  /** Every line's cells start at the header's column offsets. */
  static void assertAligned(List<String> lines) {
    String header = lines.get(0);
    List<Integer> starts = new java.util.ArrayList<>();
    for (int i = 0; i < header.length(); i++) {
      if (header.charAt(i) != ' ' && (i == 0 || header.startsWith("  ", i - 2))) {
        starts.add(i);
      }
    }
    for (String l : lines.subList(1, lines.size())) {
      for (int s : starts.subList(1, starts.size())) {
        if (s < l.length()) {
          assertThat(l.substring(s - 2, s)).as("column at %d of '%s'", s, l).isEqualTo("  ");
        }
      }
    }
  }

  /** The value at a JSON pointer such as {@code /tasks/0/chosen} in a printed document. */
  static Object at(String json, String pointer) {
    Object v = Json.parse(json);
    for (String key : pointer.substring(1).split("/")) {
      v = v instanceof List<?> l ? l.get(Integer.parseInt(key)) : ((Map<?, ?>) v).get(key);
    }
    return v;
  }

  static double number(Object object, String key) {
    return ((Number) ((Map<?, ?>) object).get(key)).doubleValue();
  }

  static List<String> tableAfter(String out, String headerStart) {
    List<String> lines = out.lines().toList();
    int from = 0;
    while (!lines.get(from).startsWith(headerStart)) {
      from++;
    }
    int to = from;
    while (to < lines.size() && !lines.get(to).isBlank() && !lines.get(to).startsWith("(")
        && !lines.get(to).startsWith("Chosen")) {
      to++;
    }
    return lines.subList(from, to);
  }

  @Test
  void showGpusListsCommonTpuAndOtherTablesWithTheCatalogDate() {
    Run r = sky("show-gpus");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Catalog 2026-05-20").contains("COMMON_GPU")
        .contains("GOOGLE_TPU").contains("OTHER_GPU");
    List<String> common = tableAfter(r.out(), "COMMON_GPU");
    assertThat(common).anyMatch(l -> l.matches("H100\\s+1, 2, 4, 8"));
    assertThat(common).anyMatch(l -> l.matches("L4\\s+0.125, 0.25, 0.5, 1, 2, 4, 8"));
    assertAligned(common);
    assertThat(tableAfter(r.out(), "GOOGLE_TPU")).anyMatch(l -> l.startsWith("tpu-v5p-8 "))
        .noneMatch(l -> l.startsWith("tpu-v5p-1024 "));
    assertThat(sky("show-gpus", "--all").out()).contains("tpu-v5p-1024 ");
  }

  @Test
  void showGpusForOneGpuListsOffersCheapestFirst() {
    Run r = sky("show-gpus", "h100:8", "--cloud", "aws");
    assertThat(r.code()).isZero();
    List<String> t = tableAfter(r.out(), "GPU");
    assertThat(t.get(0)).startsWith("GPU").contains("INSTANCE_TYPE").endsWith("REGION");
    assertThat(t.subList(1, t.size())).isNotEmpty()
        .allMatch(l -> l.startsWith("H100  8    aws   "));
    assertAligned(t);
    Run all = sky("show-gpus", "A100", "--cloud", "gcp", "--all");
    List<String> rows = tableAfter(all.out(), "GPU");
    assertThat(rows.get(0)).doesNotContain("REGION");
    // one row per instance type: a2-highgpu-1g..8g and a2-megagpu-16g
    assertThat(rows).hasSize(6);
    assertThat(rows.get(1)).contains("a2-highgpu-1g");
  }

  @Test
  void showGpusJsonIsParseableAndSorted() throws Exception {
    Run r = sky("show-gpus", "A100:8", "-o", "json");
    assertThat(r.code()).isZero();
    assertThat(at(r.out(), "/catalog/date")).isEqualTo("2026-05-20");
    List<?> offers = (List<?>) at(r.out(), "/offers");
    assertThat(offers.size()).isGreaterThan(3);
    for (int i = 1; i < offers.size(); i++) {
      assertThat(number(offers.get(i), "price")).isGreaterThanOrEqualTo(number(offers.get(i - 1), "price"));
    }
    assertThat(number(offers.get(0), "qty")).isEqualTo(8);
  }

  @Test
  void unknownGpuSuggestsNamesAndExitsOne() {
    Run r = sky("show-gpus", "H10");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("GPU 'H10' is not in the catalog. Did you mean H100")
        .contains("Run 'sky show-gpus' to list GPUs.");
    assertThat(sky("show-gpus", "H100:x").code()).isEqualTo(2);
  }

  @Test
  void dryrunShowsPlansAndTheChosenOne(@TempDir Path dir) throws Exception {
    Path task = dir.resolve("task.yaml");
    Files.writeString(task, "resources:\n  accelerators: {A100:8, H100:8}\nrun: nvidia-smi\n");
    Run r = sky("launch", "--dryrun", task.toString(), "--num-nodes", "2");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> t = tableAfter(r.out(), "INFRA");
    assertThat(t.get(0)).isEqualTo(t.get(0).stripTrailing()).contains("TOTAL_$/h");
    assertThat(t.get(1)).endsWith("✔");
    assertThat(t.subList(2, t.size())).noneMatch(l -> l.contains("✔"));
    assertThat(t.size() - 1).isBetween(2, 20);
    assertAligned(t);
    assertThat(r.out()).contains("Chosen: ").contains("for 2 nodes");
  }

  @Test
  void dryrunFlagsOverrideTheYaml(@TempDir Path dir) throws Exception {
    Path task = dir.resolve("task.yaml");
    Files.writeString(task, "resources:\n  accelerators: A100:8\nrun: nvidia-smi\n");
    Run r = sky("launch", "--dryrun", task.toString(), "--gpus", "t4:1", "--use-spot",
        "--infra", "gcp/us-central1", "-o", "json");
    assertThat(r.code()).as(r.err()).isZero();
    Map<?, ?> chosen = (Map<?, ?>) at(r.out(), "/tasks/0/chosen");
    assertThat(chosen.get("accelerators")).isEqualTo("T4:1");
    assertThat(chosen.get("spot")).isEqualTo(true);
    assertThat(chosen.get("region")).isEqualTo("us-central1");
    assertThat((String) chosen.get("zone")).startsWith("us-central1-");
  }

  @Test
  void dryrunWithNothingFeasibleExplainsAndExitsOne(@TempDir Path dir) throws Exception {
    Path task = dir.resolve("task.yaml");
    Files.writeString(task, "resources:\n  accelerators: A100:1\nrun: nvidia-smi\n");
    // flags are applied after validation, so the optimizer is the one that finds nothing
    Run r = sky("launch", "--dryrun", task.toString(), "--gpus", "A6000", "--use-spot");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no spot offer for A6000:1 is known")
        .contains("the cheapest is lambda gpu_1x_a6000").contains("To fix:");
    assertThat(r.out()).doesNotContain("Chosen");
  }

  @Test
  void dryrunOfAnInvalidFilePrintsDiagnosticsAndExitsOne(@TempDir Path dir) throws Exception {
    Path task = dir.resolve("task.yaml");
    Files.writeString(task, "resources:\n  acelerators: A100:8\nrun: nvidia-smi\n");
    Run r = sky("launch", "--dryrun", task.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(task + ":2:").contains("acelerators");
    assertThat(r.out()).doesNotContain("INFRA");
    assertThat(sky("launch", "--dryrun", dir.resolve("nope.yaml").toString()).err())
        .contains("no such file");
  }

  @Test
  void showGpusListingFiltersByCloudAndPrintsJson() throws Exception {
    Run aws = sky("show-gpus", "--cloud", "aws");
    assertThat(aws.code()).isZero();
    assertThat(aws.out()).startsWith("Catalog 2026-05-20").doesNotContain("GOOGLE_TPU");
    assertThat(tableAfter(aws.out(), "COMMON_GPU")).anyMatch(l -> l.matches("A10G\\s+1, 4, 8"))
        .noneMatch(l -> l.startsWith("A10 ")); // Azure and Lambda only
    assertThat(sky("show-gpus", "--cloud", "nowhere").code()).isEqualTo(1);
    String doc = sky("show-gpus", "-o", "json").out();
    assertThat(at(doc, "/catalog/date")).isEqualTo("2026-05-20");
    assertThat(Json.write(at(doc, "/common_gpu/H100"))).isEqualTo("[\"1\",\"2\",\"4\",\"8\"]");
  }

  @Test
  void showGpusRegionKeepsOnlyThatRegion() {
    Run r = sky("show-gpus", "A100:8", "--region", "us-east-1");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> t = tableAfter(r.out(), "GPU");
    assertThat(t.subList(1, t.size())).isNotEmpty().allMatch(l -> l.endsWith("us-east-1"));
    Run none = sky("show-gpus", "A100:8", "--cloud", "lambda", "--region", "eu-north-99");
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("No offer of A100:8 on lambda in region eu-north-99");
  }

  @Test
  void dryrunShowsOnDemandAndSpotPricesAndTheAwsInterruptionBand(@TempDir Path dir) throws Exception {
    Path task = dir.resolve("task.yaml");
    Files.writeString(task, "resources:\n  accelerators: A100:8\n  infra: aws\nrun: x\n");
    Run r = sky("launch", "--dryrun", task.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> t = tableAfter(r.out(), "INFRA");
    assertThat(t.get(0).split("\\s+")).containsExactly("INFRA", "INSTANCE", "vCPUs", "Mem(GB)",
        "GPUS", "$/h", "SPOT$/h", "SPOT_INTERRUPT", "CHOSEN");
    // p4d.24xlarge on demand, with its spot price and band beside it
    assertThat(t.get(1)).matches("aws/\\S+\\s+p4d\\.24xlarge\\s+96\\s+1152\\s+A100:8\\s+\\d+\\.\\d\\d\\s+"
        + "\\d+\\.\\d\\d\\s+(<5%|5-10%|10-15%|15-20%|>20%)\\s+✔");
    assertAligned(t);

    Files.writeString(task, "resources:\n  accelerators: A100:8\n  infra: lambda\nrun: x\n");
    r = sky("launch", "--dryrun", task.toString(), "--num-nodes", "3");
    t = tableAfter(r.out(), "INFRA");
    assertThat(t.get(0).split("\\s+")).containsExactly("INFRA", "INSTANCE", "vCPUs", "Mem(GB)",
        "GPUS", "$/h", "SPOT$/h", "TOTAL_$/h", "CHOSEN");
    // lambda sells no spot: the column says so; the total is three nodes' worth
    String[] cells = t.get(1).split("\\s{2,}");
    assertThat(cells[6]).isEqualTo("—");
    assertThat(Double.parseDouble(cells[7])).isCloseTo(3 * Double.parseDouble(cells[5]),
        org.assertj.core.data.Offset.offset(0.02));
    Map<?, ?> chosen = (Map<?, ?>) at(sky("launch", "--dryrun", task.toString(), "-o", "json").out(),
        "/tasks/0/chosen");
    assertThat(chosen.containsKey("spot_price")).isTrue();
    assertThat(chosen.get("spot_price")).isNull();
    assertThat(number(chosen, "on_demand_price")).isEqualTo(number(chosen, "price_per_node"));
  }

  @Test
  void dryrunExplainsWhichFilterEmptiedAnInfraOverride(@TempDir Path dir) throws Exception {
    Path task = dir.resolve("task.yaml");
    Files.writeString(task, "resources:\n  accelerators: H100:8\nrun: x\n");
    Run r = sky("launch", "--dryrun", task.toString(), "--infra", "lambda", "--use-spot");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("No resources satisfy the task: ").contains("spot")
        .contains("the cheapest is lambda").contains("To fix:");
  }
}
