package dev.sky4j.provision.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.provision.ProvisionRequest;
import dev.sky4j.provision.aws.AwsConfig;
import dev.sky4j.provision.aws.AwsProvider;
import dev.sky4j.provision.aws.MotoAccount;
import dev.sky4j.provision.aws.MotoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

/**
 * Nodes reach S3 only through the sky4j-node instance profile: the provider creates the role
 * once and every instance it launches carries the profile (no AWS keys on a node).
 */
class NodeProfileOnLaunchTest {
  @TempDir Path root;

  @Test
  void everyLaunchedInstanceCarriesTheSky4jNodeProfile() throws Exception {
    MotoCredentials.set();
    try (MotoServer moto = MotoServer.start();
        MotoAccount account = new MotoAccount(moto, root, AwsConfig.defaults())) {
      S3Clients s3 = new S3Clients(new S3Settings(moto.endpoint(), "us-east-1"));
      AwsProvider provider = new AwsProvider(account.paths, AwsConfig.defaults(), account.clients,
          null, () -> new NodeRole(s3));
      provider.runInstances(new ProvisionRequest("prof", "us-east-1", null, "m5.large", 2, false,
          null, 0, Map.of(), null, null, List.of(), null, false));

      // what EC2 is asked for (moto accepts the profile but does not echo it on the instance)
      List<RunInstancesRequest> runs = account.calls.calls().stream()
          .filter(c -> c.operation().equals("RunInstances"))
          .map(c -> (RunInstancesRequest) c.request()).toList();
      assertThat(runs).isNotEmpty().allSatisfy(r ->
          assertThat(r.iamInstanceProfile().name()).isEqualTo(NodeRole.NAME));
      assertThat(s3.iam().getInstanceProfile(b -> b.instanceProfileName(NodeRole.NAME))
          .instanceProfile().roles()).extracting(r -> r.roleName()).containsExactly(NodeRole.NAME);
      provider.terminateInstances("prof", false);
    }
  }
}
