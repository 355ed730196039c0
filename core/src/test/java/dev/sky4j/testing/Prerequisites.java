package dev.sky4j.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test's outside needs (a built jar, {@code unshare}, OpenSSH, Python's jsonschema). On a
 * developer's machine a missing one skips the test with the reason; in a strict run ({@code
 * SKY4J_TEST_STRICT=1}, which {@code scripts/test} and so CI set) it fails it, because a CI run
 * that silently skipped the namespace or end-to-end tests would pass while proving nothing.
 * Shared with the other modules through core's test jar.
 */
public final class Prerequisites {
  private Prerequisites() {}

  /** Runs the test only when {@code present}; {@code what} says what is missing and how to get it. */
  public static void require(boolean present, String what) {
    if (present) return;
    if (strict()) Assertions.fail("missing prerequisite in a strict run (SKY4J_TEST_STRICT=1): " + what);
    Assumptions.assumeTrue(false, what);
  }

  public static boolean strict() {
    return "1".equals(System.getenv("SKY4J_TEST_STRICT"));
  }
}
