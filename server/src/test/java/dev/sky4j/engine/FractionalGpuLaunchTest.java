package dev.sky4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.agent.local.LocalCloudDisk;
import dev.sky4j.agent.local.LocalNodes;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.client.dto.ClusterRecord;
import dev.sky4j.client.dto.LaunchRequest;
import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.local.LocalProvider;
import dev.sky4j.state.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SkyPilot task asking for half a GPU ({@code accelerators: H100:0.5}) launches on the local
 * cloud: validation and the optimizer take a node with one whole H100, and the job runs with that
 * device. Real server engine in this JVM, real node process and SSH.
 */
class FractionalGpuLaunchTest {
  @TempDir Path root;
  private Sky4jPaths paths;

  @AfterEach
  void cleanUp() throws Exception {
    if (paths != null) {
      for (Path h : new LocalCloudDisk(paths.sky4jHome()).nodeHomes("half")) {
        LocalNodes.killHard(h);
      }
    }
  }

  @Test
  void halfAGpuLaunchesOnANodeWithTheWholeGpu() throws Exception {
    paths = Sky4jPaths.under(root);
    Files.createDirectories(paths.sky4jHome());
    SkyService sky = new SkyService(paths.sky4jHome(),
        Database.open(paths.sky4jHome().resolve("state.db")),
        new Providers(Catalog.get(), List.of(new LocalProvider(paths))), new SshClusterAccess(paths));
    try {
      String yaml = """
          resources:
            infra: local
            accelerators: H100:0.5
          run: echo "gpu=$CUDA_VISIBLE_DEVICES per-node=$SKYPILOT_NUM_GPUS_PER_NODE"
          """;
      String id = sky.launch(new LaunchRequest("half", new TaskInput(yaml, "task.yaml",
          root.toString(), null, null, Map.of(), Map.of()), null, false, false, false, false));
      long deadline = System.currentTimeMillis() + 90_000;
      while (List.of("PENDING", "RUNNING").contains(sky.request(id).status())
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      RequestInfo done = sky.request(id);
      String log = Files.readString(sky.requestLog(id));
      assertThat(done.status()).as(done.error() + "\n" + log).isEqualTo("SUCCEEDED");
      assertThat(log).contains("gpu=0 per-node=1");
      ClusterRecord c = sky.status(List.of("half"), false).get(0);
      assertThat(c.instanceType()).isEqualTo("local-gpu-H100-1");
    } finally {
      sky.close();
    }
  }
}
