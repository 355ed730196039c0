package dev.sky4j.cli;

import picocli.CommandLine.IVersionProvider;

/** The version string, from the jar manifest when there is one. */
public final class Version implements IVersionProvider {
  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"sky4j " + current()};
  }
}
