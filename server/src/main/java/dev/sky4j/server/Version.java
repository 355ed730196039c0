package dev.sky4j.server;

/** The server's version: the jar manifest's, or the build's when run from classes. */
public final class Version {
  private Version() {}

  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }
}
