package dev.sky4j.provision.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One EC2 client per region and an STS client, sharing one HTTP client. Credentials and the
 * default region come from the SDK's default chains (environment, {@code ~/.aws/config} and
 * {@code credentials}, {@code AWS_PROFILE}, SSO profiles when the SDK's sso modules are on the
 * class path, container and instance roles). {@code AWS_ENDPOINT_URL} is honoured by the SDK
 * itself; {@code endpoint} overrides it (tests against moto). Throttling and 5xx answers are
 * retried by the SDK's standard strategy with exponential backoff and full jitter.
 */
public final class Ec2Clients implements AutoCloseable {
  /** Throttled calls (RequestLimitExceeded) are retried this often before giving up. */
  static final int MAX_ATTEMPTS = 8;

  private final String fixedRegion;
  private final AwsCredentialsProvider credentials;
  private final URI endpoint;
  private final List<ExecutionInterceptor> interceptors;
  private final SdkHttpClient http;
  private final Map<String, Ec2Client> ec2 = new ConcurrentHashMap<>();
  private final Map<String, Ec2Client> failFast = new ConcurrentHashMap<>();
  private volatile StsClient sts;

  public Ec2Clients(AwsCredentialsProvider credentials, URI endpoint,
      List<ExecutionInterceptor> interceptors) {
    this(credentials, endpoint, interceptors, null);
  }

  /** With a fixed default region ({@code null}: the SDK's region chain). */
  public Ec2Clients(AwsCredentialsProvider credentials, URI endpoint,
      List<ExecutionInterceptor> interceptors, String defaultRegion) {
    this.fixedRegion = defaultRegion;
    this.credentials = credentials;
    this.endpoint = endpoint;
    this.interceptors = List.copyOf(interceptors);
    this.http = UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(10))
        .socketTimeout(Duration.ofSeconds(60))
        .build();
  }

  /** The SDK's default chains: what the user's {@code aws} CLI would use. */
  public static Ec2Clients fromEnvironment() {
    return new Ec2Clients(DefaultCredentialsProvider.builder().build(), null, List.of());
  }

  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  /** The region the user's profile or environment names, or us-east-1. */
  public String defaultRegion() {
    if (fixedRegion != null) {
      return fixedRegion;
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion().id();
    } catch (RuntimeException e) {
      return "us-east-1";
    }
  }

  public Ec2Client ec2(String region) {
    return ec2.computeIfAbsent(region, r -> client(r, MAX_ATTEMPTS));
  }

  /**
   * A client that never retries, for RunInstances/StartInstances: EC2 answers a full zone with a
   * 500 (InsufficientInstanceCapacity), which the SDK would retry for a minute; the provider
   * fails over at once instead and retries only throttling itself ({@link Throttling}).
   */
  public Ec2Client ec2FailFast(String region) {
    return failFast.computeIfAbsent(region, r -> client(r, 1));
  }

  private Ec2Client client(String r, int attempts) {
    var b = Ec2Client.builder().region(Region.of(r)).credentialsProvider(credentials)
        .httpClient(http).overrideConfiguration(override(attempts));
    if (endpoint != null) {
      b.endpointOverride(endpoint);
    }
    return b.build();
  }

  public StsClient sts() {
    StsClient s = sts;
    if (s == null) {
      synchronized (this) {
        if (sts == null) {
          var b = StsClient.builder().region(Region.of(defaultRegion()))
              .credentialsProvider(credentials).httpClient(http)
              .overrideConfiguration(override(MAX_ATTEMPTS));
          if (endpoint != null) {
            b.endpointOverride(endpoint);
          }
          sts = b.build();
        }
        s = sts;
      }
    }
    return s;
  }

  private ClientOverrideConfiguration override(int attempts) {
    // AWS's retryable conditions (throttling codes such as RequestLimitExceeded, 5xx, clock
    // skew), with full-jitter exponential backoff
    StandardRetryStrategy retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(attempts)
        .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(20)))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500),
            Duration.ofSeconds(20)))
        .build();
    var b = ClientOverrideConfiguration.builder().retryStrategy(retry)
        .apiCallTimeout(Duration.ofMinutes(3));
    interceptors.forEach(b::addExecutionInterceptor);
    return b.build();
  }

  @Override
  public void close() {
    ec2.values().forEach(Ec2Client::close);
    failFast.values().forEach(Ec2Client::close);
    if (sts != null) {
      sts.close();
    }
    http.close();
  }
}
