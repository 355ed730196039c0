package dev.sky4j.provision.aws.s3;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * SDK clients, one per region, with the default credential chain. A bucket's requests go to its
 * own region's endpoint (S3 answers a wrong region with a redirect the SDK does not follow).
 */
public final class S3Clients implements AutoCloseable {
  private final S3Settings settings;
  private final Map<String, S3Client> s3 = new ConcurrentHashMap<>();
  private final Map<String, S3Presigner> presigners = new ConcurrentHashMap<>();
  private volatile IamClient iam;
  private volatile StsClient sts;

  public S3Clients(S3Settings settings) {
    this.settings = settings;
  }

  public S3Settings settings() {
    return settings;
  }

  public S3Client s3(String region) {
    return s3.computeIfAbsent(region, r -> {
      var b = S3Client.builder().region(Region.of(r))
          .credentialsProvider(DefaultCredentialsProvider.builder().build())
          // a part to a busy endpoint can take longer than the default 30 s read timeout
          .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(2)))
          .overrideConfiguration(ClientOverrideConfiguration.builder().build())
          // checksums only where S3 requires them: the ETag then is the MD5 the uploader compares
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
      if (settings.endpoint() != null) {
        b.endpointOverride(settings.endpoint()).forcePathStyle(true);
      }
      return b.build();
    });
  }

  public S3Presigner presigner(String region) {
    return presigners.computeIfAbsent(region, r -> {
      var b = S3Presigner.builder().region(Region.of(r))
          .credentialsProvider(DefaultCredentialsProvider.builder().build());
      if (settings.endpoint() != null) {
        b.endpointOverride(settings.endpoint()).serviceConfiguration(
            S3Configuration.builder().pathStyleAccessEnabled(true).build());
      }
      return b.build();
    });
  }

  public synchronized IamClient iam() {
    if (iam == null) {
      iam = build(IamClient.builder(), Region.AWS_GLOBAL);
    }
    return iam;
  }

  public synchronized StsClient sts() {
    if (sts == null) {
      sts = build(StsClient.builder(), Region.of(settings.defaultRegion()));
    }
    return sts;
  }

  /** A control-plane client with the same credentials, HTTP client and endpoint as S3's. */
  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B b,
      Region region) {
    b.region(region).credentialsProvider(DefaultCredentialsProvider.builder().build())
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (settings.endpoint() != null) {
      b.endpointOverride(settings.endpoint());
    }
    return b.build();
  }

  @Override
  public void close() {
    s3.values().forEach(S3Client::close);
    presigners.values().forEach(S3Presigner::close);
    if (iam != null) {
      iam.close();
    }
    if (sts != null) {
      sts.close();
    }
  }
}
