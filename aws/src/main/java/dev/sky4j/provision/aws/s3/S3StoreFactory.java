package dev.sky4j.provision.aws.s3;

import dev.sky4j.storage.Store;
import dev.sky4j.storage.StoreFactory;

/** Registers S3 with the server's storage SPI (META-INF/services). */
public final class S3StoreFactory implements StoreFactory {
  @Override
  public String kind() {
    return "s3";
  }

  @Override
  public Store open() {
    return new S3Store(new S3Clients(S3Settings.fromEnvironment()));
  }
}
