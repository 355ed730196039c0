package dev.sky4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.client.dto.ClusterRecord;
import dev.sky4j.provision.ProvisionRequest;
import dev.sky4j.provision.aws.AwsConfig;
import dev.sky4j.provision.aws.MotoAccount;
import dev.sky4j.provision.aws.MotoServer;
import dev.sky4j.state.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started with an empty state.db (lost, or a new machine) finds the AWS cluster the
 * account still runs by its tags, and shows it in {@code sky status}: real server engine, real
 * EC2 provider, real moto.
 */
class AwsLostStateTest {
  @TempDir Path root;

  @Test
  void aServerWithoutStateFindsTheClusterByItsTags() throws Exception {
    try (MotoServer moto = MotoServer.start()) {
      try (MotoAccount before = new MotoAccount(moto, root.resolve("old"), AwsConfig.defaults())) {
        before.provider.runInstances(new ProvisionRequest("kept", "us-east-1", null, "m5.large",
            2, false, null, 0, Map.of()));
      }
      try (MotoAccount aws = new MotoAccount(moto, root.resolve("new"), AwsConfig.defaults())) {
        Files.createDirectories(aws.paths.sky4jHome());
        SkyService sky = new SkyService(aws.paths.sky4jHome(),
            Database.open(aws.paths.sky4jHome().resolve("state.db")),
            new Providers(Catalog.get(), List.of(aws.provider)), new SshClusterAccess(aws.paths));
        try {
          List<ClusterRecord> status = sky.status(List.of(), false);
          assertThat(status).extracting(ClusterRecord::name).containsExactly("kept");
          ClusterRecord c = status.get(0);
          assertThat(c.status()).isEqualTo("UP");
          assertThat(c.region()).isEqualTo("us-east-1");
          assertThat(c.numNodes()).isEqualTo(2);
        } finally {
          sky.close();
        }
        aws.provider.terminateInstances("kept", false);
      }
    }
  }
}
