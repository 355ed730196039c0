package dev.sky4j.spec;

import java.nio.file.Path;

/** Lets tests in sub-packages find examples/ the same way ExamplesTest does. */
public final class ExamplesTestAccess {
  private ExamplesTestAccess() {}

  public static Path examples() {
    return ExamplesTest.examples();
  }
}
