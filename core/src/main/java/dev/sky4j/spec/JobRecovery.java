package dev.sky4j.spec;

import java.util.List;

/**
 * How a managed job recovers. {@code strategy} is upper-cased ({@code EAGER_NEXT_REGION}, {@code
 * FAILOVER}) or null for the default; user-code failures restart only up to {@code
 * maxRestartsOnErrors} times unless the exit code is in {@code recoverOnExitCodes}.
 */
public record JobRecovery(String strategy, int maxRestartsOnErrors, List<Integer> recoverOnExitCodes) {
  public static final JobRecovery DEFAULT = new JobRecovery(null, 0, List.of());

  public JobRecovery {
    recoverOnExitCodes = List.copyOf(recoverOnExitCodes);
  }
}
