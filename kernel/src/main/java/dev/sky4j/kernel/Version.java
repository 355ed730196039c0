package dev.sky4j.kernel;

/** The kernel's version: the jar's Implementation-Version, or the development version. */
final class Version {
  private Version() {}

  static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }
}
