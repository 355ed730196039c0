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

/**
 * {@code sky show-gpus}, run in-process as a user would ({@code sky launch --dryrun} asks the
 * server: DryRunEndToEndTest).
 */
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
    // priced offers cheapest first; offers known only from AWS's offerings (price null) last
    List<?> priced = offers.stream().filter(o -> ((Map<?, ?>) o).get("price") != null).toList();
    assertThat(offers.subList(0, priced.size())).isEqualTo(priced);
    for (int i = 1; i < priced.size(); i++) {
      assertThat(number(priced.get(i), "price")).isGreaterThanOrEqualTo(number(priced.get(i - 1), "price"));
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
  void anOfferWithoutAKnownPriceSaysPriceUnknown() {
    // Trainium2 (trn2) is in AWS's offerings but has no price in the bundled catalog
    Run r = sky("show-gpus", "Trainium2:16", "--cloud", "aws");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(tableAfter(r.out(), "GPU").subList(1, 2)).singleElement().asString()
        .contains("trn2.48xlarge").contains("price unknown");
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

}
