package dev.sky4j.provision.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** The fixture itself: the SDK, over url-connection, reaches a fresh moto and sees its regions. */
class MotoServerTest {
  @Test
  void sdkTalksToAFreshMoto() throws Exception {
    try (MotoServer moto = MotoServer.start();
        Ec2Client ec2 = Ec2Client.builder()
            .endpointOverride(moto.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      assertThat(URI.create(moto.endpoint().toString()).getHost()).isEqualTo("127.0.0.1");
      assertThat(ec2.describeRegions().regions()).extracting(r -> r.regionName()).contains("us-east-1", "eu-west-1");
      assertThat(ec2.describeInstances().reservations()).isEmpty();
    }
  }
}
