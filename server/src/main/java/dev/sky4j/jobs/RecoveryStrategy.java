package dev.sky4j.jobs;

import dev.sky4j.optimizer.Blocked;
import java.util.Locale;
import java.util.Set;

/**
 * Where a recovering job may launch next (reference §4.5). Both strategies tear the lost cluster
 * down first; they differ in the first {@code pinnedAttempts} launches of a recovery:
 * {@code EAGER_NEXT_REGION} (the default) rules out the region just lost, so the optimizer fails
 * over through every other region first; {@code FAILOVER} pins the launch to the same region.
 * After that both try anywhere. A region the user pinned is never blocked.
 */
public enum RecoveryStrategy {
  EAGER_NEXT_REGION,
  FAILOVER;

  /** What one launch may use: placements ruled out, and a region it must use (or null). */
  public record Placement(Set<Blocked> blocked, String pinInfra) {
    static final Placement ANYWHERE = new Placement(Set.of(), null);
  }

  /** The strategy named in {@code job_recovery} or {@code --job-recovery}; null means default. */
  public static RecoveryStrategy parse(String name) {
    if (name == null || name.isBlank()) {
      return EAGER_NEXT_REGION;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown job recovery strategy '" + name
          + "': use EAGER_NEXT_REGION (default) or FAILOVER");
    }
  }

  /**
   * The placement for launch {@code attempt} (1-based) of a recovery from {@code lostCloud}/
   * {@code lostRegion}; null lost region (first launch, or a restart after a user error) means
   * anywhere.
   */
  Placement next(int attempt, String lostCloud, String lostRegion, boolean userPinnedRegion,
      int pinnedAttempts) {
    if (lostRegion == null || userPinnedRegion || attempt > pinnedAttempts) {
      return Placement.ANYWHERE;
    }
    return switch (this) {
      case EAGER_NEXT_REGION -> new Placement(
          Set.of(new Blocked(lostCloud, lostRegion, null, null)), null);
      case FAILOVER -> new Placement(Set.of(), lostCloud + "/" + lostRegion);
    };
  }
}
