package dev.sky4j.provision.aws;

import dev.sky4j.paths.Sky4jPaths;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * An AWS provider wired to a running {@link MotoServer} with moto's dummy credentials, plus a raw
 * EC2 client to check what the provider left in the account.
 */
public final class MotoAccount implements AutoCloseable {
  public final CallCounter calls = new CallCounter();
  public final Ec2Clients clients;
  public final AwsProvider provider;
  public final Sky4jPaths paths;

  public MotoAccount(MotoServer moto, Path root, AwsConfig config,
      ExecutionInterceptor... more) {
    this.paths = Sky4jPaths.under(root);
    List<ExecutionInterceptor> all = new java.util.ArrayList<>(List.of(calls));
    all.addAll(List.of(more));
    this.clients = new Ec2Clients(StaticCredentialsProvider.create(
        AwsBasicCredentials.create("testing", "testing")), moto.endpoint(), all, "us-east-1");
    this.provider = new AwsProvider(paths, config, clients, null);
  }

  /** A client the provider does not use (its calls are not counted). */
  public Ec2Client raw(MotoServer moto, String region) {
    return Ec2Client.builder().endpointOverride(moto.endpoint())
        .region(software.amazon.awssdk.regions.Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("testing", "testing")))
        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
        .build();
  }

  @Override
  public void close() {
    clients.close();
  }
}
