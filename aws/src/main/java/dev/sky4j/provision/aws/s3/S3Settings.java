package dev.sky4j.provision.aws.s3;

import java.net.URI;

/**
 * Where S3 is and which region is the default: {@code AWS_ENDPOINT_URL_S3} or {@code
 * AWS_ENDPOINT_URL} (system properties {@code aws.endpointUrl}), {@code AWS_REGION} or {@code
 * AWS_DEFAULT_REGION} ({@code aws.region}), else us-east-1. A null endpoint is AWS itself.
 */
public record S3Settings(URI endpoint, String defaultRegion) {
  public static S3Settings fromEnvironment() {
    String ep = first(System.getProperty("aws.endpointUrl"), System.getenv("AWS_ENDPOINT_URL_S3"),
        System.getenv("AWS_ENDPOINT_URL"));
    String region = first(System.getProperty("aws.region"), System.getenv("AWS_REGION"),
        System.getenv("AWS_DEFAULT_REGION"), "us-east-1");
    return new S3Settings(ep == null ? null : URI.create(ep), region);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
