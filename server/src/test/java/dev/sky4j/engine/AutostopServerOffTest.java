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
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.local.LocalProvider;
import dev.sky4j.state.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autostop keeps working with the API server off: a cluster launched with {@code resources.autostop}
 * and a {@code config.hooks} stop hook stops itself while no server runs; a server started during
 * the hook shows AUTOSTOPPING, and after the stop STOPPED, with its SSH config entry removed. Real
 * server engine (in this JVM), real node processes and SSH. A "minute" is compressed to one second
 * here through {@code sky4j.autostop.secondsPerMinute}, the only test knob involved.
 */
class AutostopServerOffTest {
  @TempDir Path root;
  private Sky4jPaths paths;

  @AfterEach
  void cleanUp() throws Exception {
    System.clearProperty("sky4j.autostop.secondsPerMinute");
    if (paths != null) {
      LocalCloudDisk disk = new LocalCloudDisk(paths.sky4jHome());
      for (Path h : disk.nodeHomes("idle")) {
        LocalNodes.killHard(h);
      }
    }
  }

  private SkyService server(LocalProvider local) throws Exception {
    Database db = Database.open(paths.sky4jHome().resolve("state.db"));
    return new SkyService(paths.sky4jHome(), db, new Providers(Catalog.get(), List.of(local)),
        new SshClusterAccess(paths));
  }

  @Test
  void aClusterStopsItselfWhileTheServerIsOffAndTheNextServerSeesIt() throws Exception {
    System.setProperty("sky4j.autostop.secondsPerMinute", "1");
    paths = Sky4jPaths.under(root);
    Files.createDirectories(paths.sky4jHome());
    LocalProvider local = new LocalProvider(paths);
    String yaml = """
        resources:
          infra: local
          autostop:
            idle_minutes: 3
            wait_for: jobs
        config:
          hooks:
            - run: sleep 2
              events: [stop]
              timeout: 30
        run: echo hello
        """;
    SkyService first = server(local);
    String id = first.launch(new LaunchRequest("idle", new TaskInput(yaml, "task.yaml",
        root.toString(), null, null, Map.of(), Map.of()), null, false, false, false, true));
    waitUntil("launch finished", 60_000, () -> !List.of("PENDING", "RUNNING").contains(first.request(id).status()));
    RequestInfo done = first.request(id);
    assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("SUCCEEDED");
    ClusterRecord up = first.status(List.of("idle"), false).get(0);
    assertThat(up.status()).isEqualTo("UP");
    assertThat(up.autostopMinutes()).isEqualTo(3);
    assertThat(paths.generatedSshDir().resolve("idle")).exists();
    first.close(); // the server goes away; the head node keeps its own timer

    waitUntil("the head runs its stop hook", 20_000,
        () -> local.queryInstances("idle").containsValue(NodeState.STOPPING));
    SkyService second = server(local);
    try {
      assertThat(second.status(List.of("idle"), true).get(0).status())
          .as("a server started during the hook").isEqualTo("AUTOSTOPPING");
      waitUntil("stopped", 20_000,
          () -> local.queryInstances("idle").equals(Map.of("node-0", NodeState.STOPPED)));
      ClusterRecord after = second.status(List.of("idle"), true).get(0);
      assertThat(after.status()).isEqualTo("STOPPED");
      assertThat(after.statusMessage()).contains("autostop");
      assertThat(paths.generatedSshDir().resolve("idle")).as("ssh idle no longer resolves").doesNotExist();
    } finally {
      second.close();
    }
  }

  private static void waitUntil(String what, long millis, BooleanSupplier ok) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!ok.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(100);
    }
  }
}
