package dev.sky4j.provision.aws.s3;

import static dev.sky4j.testing.Prerequisites.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sky4j.agent.fs.Namespaces;
import dev.sky4j.api.ApiServer;
import dev.sky4j.api.ApiToken;
import dev.sky4j.client.ApiException;
import dev.sky4j.client.SkyClient;
import dev.sky4j.client.dto.StorageDelete;
import dev.sky4j.provision.aws.MotoServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code sky storage ls} / {@code delete} over the real REST routes (GET /storage, POST
 * /storage/delete, token required) of an in-process API server whose buckets live in moto.
 */
class StorageRoutesTest {
  @Test
  @SuppressWarnings("unchecked")
  void listShowsRegionSizeAndClustersAndDeleteRemovesTheBucket() throws Exception {
    require(Namespaces.availability().available(), Namespaces.availability().describe());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (MotoServer moto = MotoServer.start(); LocalCloudWorld world = new LocalCloudWorld(moto)) {
      Files.createDirectories(world.root.resolve("data"));
      Files.writeString(world.root.resolve("data/a.txt"), "12345");
      Files.writeString(world.root.resolve("data/b.txt"), "123");
      world.launch("s3-ls", """
          resources:
            infra: local
          file_mounts:
            /data:
              name: sky4j-e2e-ls
              source: ./data
              store: s3
              mode: COPY
          run: ls /data
          """);
      ApiServer api = new ApiServer(world.sky, "test", ApiToken.fixed("storage-test-token"))
          .start("127.0.0.1", port);
      try {
        SkyClient client = new SkyClient("http://127.0.0.1:" + port, "storage-test-token");
        List<Map<String, Object>> rows = client.get("/storage", List.class);
        assertThat(rows).singleElement().satisfies(r -> {
          assertThat(r).containsEntry("name", "sky4j-e2e-ls").containsEntry("store", "s3")
              .containsEntry("region", "us-east-1").containsEntry("persistent", true)
              .containsEntry("createdBySky4j", true);
          assertThat(((Number) r.get("sizeBytes")).longValue()).isEqualTo(8);
          assertThat((List<String>) r.get("clusters")).containsExactly("s3-ls");
        });
        assertThatThrownBy(() -> new SkyClient("http://127.0.0.1:" + port, "wrong")
            .get("/storage", List.class)).isInstanceOf(ApiException.class)
            .hasMessageContaining("token");
        assertThatThrownBy(() -> client.submit("/storage/delete",
            new StorageDelete(List.of("nope"), false))).isInstanceOf(ApiException.class)
            .hasMessageContaining("no storage named nope");

        String id = client.submit("/storage/delete", new StorageDelete(List.of("sky4j-e2e-ls"), false));
        assertThat(client.waitFor(id).status()).isEqualTo("SUCCEEDED");
        assertThat(world.s3.regionOf("sky4j-e2e-ls")).isEmpty();
        assertThat((List<?>) client.get("/storage", List.class)).isEmpty();
      } finally {
        api.stop();
      }
    }
  }
}
