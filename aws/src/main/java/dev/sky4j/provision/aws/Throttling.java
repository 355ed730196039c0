package dev.sky4j.provision.aws;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Retries a fail-fast call while EC2 throttles it (RequestLimitExceeded and friends), with
 * exponential backoff and full jitter, so many launches at once spread out instead of retrying in
 * step. Anything else is thrown at once (the caller classifies it).
 */
final class Throttling {
  private final int attempts;
  private final long baseMillis;
  private final long capMillis;

  Throttling(int attempts, long baseMillis, long capMillis) {
    this.attempts = attempts;
    this.baseMillis = baseMillis;
    this.capMillis = capMillis;
  }

  static Throttling standard() {
    return new Throttling(Ec2Clients.MAX_ATTEMPTS, 500, 20_000);
  }

  <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (SdkException e) {
        if (!AwsErrors.throttling(e) || attempt >= attempts) {
          throw e;
        }
        sleep(delay(attempt));
      }
    }
  }

  /** Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))]. */
  long delay(int attempt) {
    long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt - 1, 20));
    return ThreadLocalRandom.current().nextLong(ceiling + 1);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off from EC2 throttling", e);
    }
  }
}
