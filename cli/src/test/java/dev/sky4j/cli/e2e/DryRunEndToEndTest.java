package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sky4j.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sky launch --dryrun} asks the server for the plan (POST /optimize, the launch engine's
 * planner): the real CLI process, a real API server and the local cloud (enabled; the catalog's
 * clouds are not, as no credentials exist here).
 */
class DryRunEndToEndTest {
  @TempDir Path tmp;

  private static Object at(String json, String pointer) {
    Object v = Json.parse(json);
    for (String key : pointer.substring(1).split("/")) {
      v = v instanceof List<?> l ? l.get(Integer.parseInt(key)) : ((Map<?, ?>) v).get(key);
    }
    return v;
  }

  @Test
  void theDryRunShowsThePlanTheLaunchThenUses() throws Exception {
    assertTrue(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    // the YAML asks for region-a; the flag moves it to region-b: both paths must apply the flag
    Files.writeString(tmp.resolve("task.yaml"), "name: eq\nresources:\n  infra: local/region-a\n"
        + "  accelerators: H100:1\nrun: echo planned\n");
    try (CliProcess sky = new CliProcess(tmp)) {
      var dry = sky.sky(tmp, "launch", "--dryrun", "task.yaml", "--infra", "local/region-b");
      assertThat(dry.code()).as(dry.all()).isZero();
      assertThat(dry.out()).contains("Considered resources for task 'eq' (1 node), catalog ")
          .contains("✔").contains("Chosen: local/region-b local-gpu-H100-1 (H100:1), on-demand");
      String json = sky.sky(tmp, "launch", "--dryrun", "task.yaml", "--infra", "local/region-b",
          "-o", "json").out();
      String infra = (String) at(json, "/tasks/0/chosen/infra");
      String type = (String) at(json, "/tasks/0/chosen/instance_type");
      assertThat(at(json, "/enabled_clouds")).isEqualTo(List.of("local"));

      var launch = sky.sky(tmp, "launch", "-c", "eq", "task.yaml", "--infra", "local/region-b");
      assertThat(launch.code()).as(launch.all()).isZero();
      assertThat(launch.out() + launch.err()).contains("Provisioning 1x " + type + " (H100:1) in "
          + infra + " (attempt 1)");
    }
  }

  @Test
  void cloudsThatAreNotEnabledAreShownAsSuchWithTheirPricesOrPriceUnknown() throws Exception {
    assertTrue(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    Files.writeString(tmp.resolve("a100.yaml"), "resources:\n  accelerators: A100:8\n  infra: aws\nrun: x\n");
    Files.writeString(tmp.resolve("m5.yaml"), "resources:\n  infra: aws/us-east-1\n"
        + "  instance_type: m5.2xlarge\nrun: x\n");
    Files.writeString(tmp.resolve("bad.yaml"), "resources:\n  acelerators: A100:8\nrun: x\n");
    try (CliProcess sky = new CliProcess(tmp)) {
      // an invalid file is reported here, before anything is sent
      var bad = sky.sky(tmp, "launch", "--dryrun", "bad.yaml");
      assertThat(bad.code()).isEqualTo(1);
      assertThat(bad.err()).contains("bad.yaml:2:").contains("acelerators");
      assertThat(sky.home.resolve("server/server.json")).as("nothing was sent").doesNotExist();

      var a100 = sky.sky(tmp, "launch", "--dryrun", "a100.yaml");
      assertThat(a100.code()).isEqualTo(1);
      assertThat(a100.err()).contains("No resources satisfy the task: no enabled cloud offers A100:8 "
          + "(enabled: local)").contains("To fix:");
      List<String> lines = a100.out().lines().toList();
      int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("INFRA")).findFirst().orElseThrow());
      assertThat(lines.get(header - 1)).startsWith("Offers on clouds not enabled on this server "
          + "(enabled: local; see sky check), catalog ");
      assertThat(lines.get(header).split("\\s+")).containsExactly("INFRA", "INSTANCE", "vCPUs",
          "Mem(GB)", "GPUS", "$/h", "SPOT$/h", "SPOT_INTERRUPT");
      assertThat(lines.get(header + 1)).matches("aws/\\S+\\s+p4d\\.24xlarge\\s+96\\s+1152\\s+A100:8\\s+"
          + "\\d+\\.\\d\\d\\s+\\d+\\.\\d\\d\\s+(<5%|5-10%|10-15%|15-20%|>20%)");
      assertThat(a100.out()).contains("Hint: the catalog is").contains("sky catalog refresh");

      // every AWS type is in the catalog: an unpriced one is shown, and says so
      var m5 = sky.sky(tmp, "launch", "--dryrun", "m5.yaml");
      assertThat(m5.err()).contains("no enabled cloud offers m5.2xlarge").doesNotContain("Invalid");
      assertThat(m5.out()).containsPattern("aws/us-east-1\\s+m5\\.2xlarge\\s+8\\s+32\\s+-\\s+price unknown");
      String json = sky.sky(tmp, "launch", "--dryrun", "m5.yaml", "-o", "json").out();
      assertThat(at(json, "/tasks/0/not_enabled/0/instance_type")).isEqualTo("m5.2xlarge");
      assertThat(((Map<?, ?>) at(json, "/tasks/0/not_enabled/0")).get("price_per_node")).isNull();

      // flags reach the server, which checks them as a launch would: lambda sells no spot
      var spot = sky.sky(tmp, "launch", "--dryrun", "a100.yaml", "--infra", "lambda", "--use-spot");
      assertThat(spot.code()).isEqualTo(1);
      assertThat(spot.err()).contains("The catalog has no spot offer for this request on lambda")
          .doesNotContain("Exception");
    }
  }
}
