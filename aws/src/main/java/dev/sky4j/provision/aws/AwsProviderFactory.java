package dev.sky4j.provision.aws;

import dev.sky4j.provision.aws.s3.NodeRole;
import dev.sky4j.provision.aws.s3.S3Clients;
import dev.sky4j.provision.aws.s3.S3Settings;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.Provider;
import dev.sky4j.provision.ProviderFactory;
import java.io.IOException;

/**
 * Registers AWS with the server ({@code META-INF/services}); the server never imports this
 * package. Settings come from {@code $SKY4J_HOME/config.yaml}'s {@code aws:} section.
 */
public final class AwsProviderFactory implements ProviderFactory {
  @Override
  public String cloud() {
    return "aws";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public Provider create(Sky4jPaths paths) throws IOException {
    // The SDK's chains end with the EC2 instance metadata service (169.254.169.254): on a laptop
    // that is seconds of timeouts at every check. Off unless the user turns it on to use an
    // instance role (AWS_EC2_METADATA_DISABLED=false).
    if (System.getenv("AWS_EC2_METADATA_DISABLED") == null
        && System.getProperty("aws.disableEc2Metadata") == null) {
      System.setProperty("aws.disableEc2Metadata", "true");
    }
    return new AwsProvider(paths, AwsConfig.load(paths.sky4jHome().resolve("config.yaml")),
        Ec2Clients.fromEnvironment(), SimHosts.fromEnvironment(),
        () -> new NodeRole(new S3Clients(S3Settings.fromEnvironment())));
  }
}
