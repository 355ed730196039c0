package dev.sky4j.provision.aws.s3;

/** moto's dummy keys for the SDK's default chain (system properties, read by every new client). */
final class MotoCredentials {
  private MotoCredentials() {}

  static void set() {
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
  }
}
