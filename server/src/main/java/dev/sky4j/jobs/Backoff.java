package dev.sky4j.jobs;

import java.util.concurrent.ThreadLocalRandom;

/**
 * SkyPilot's {@code common_utils.Backoff}: each gap is 1.6 times the previous one, capped at five
 * times the initial gap, with ±40% jitter so many jobs do not retry in lock step. The initial gap
 * is SkyPilot's 60 s on a real cloud; the local cloud uses about a second.
 */
final class Backoff {
  static final double MULTIPLIER = 1.6;
  static final double JITTER = 0.4;
  static final int MAX_FACTOR = 5;

  private Backoff() {}

  /** The pause before retry number {@code attempt} (1-based) with the given initial gap. */
  static long gapMillis(long initialMillis, int attempt) {
    double gap = initialMillis * Math.pow(MULTIPLIER, Math.max(0, attempt - 1));
    gap = Math.min(gap, (double) initialMillis * MAX_FACTOR);
    double jitter = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * JITTER;
    return Math.max(1, Math.round(gap * jitter));
  }
}
