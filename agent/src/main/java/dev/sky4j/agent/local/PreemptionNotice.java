package dev.sky4j.agent.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How long the local cloud warns a spot node before reclaiming it: AWS gives two minutes, the
 * local cloud (scaled down) {@value #DEFAULT_SECONDS} s, set with {@code preemption.notice-seconds}
 * in {@code $SKY4J_HOME/local-cloud.properties}. Read here, at the moment of the preemption, by
 * both processes that preempt: the server ({@code sky local preempt}) and a node's own chaos.
 */
public final class PreemptionNotice {
  public static final String KEY = "preemption.notice-seconds";
  public static final double DEFAULT_SECONDS = 2;

  private PreemptionNotice() {}

  /** The window in milliseconds; a missing, unreadable or negative value means the default. */
  public static long windowMillis(Path sky4jHome) {
    Properties p = new Properties();
    Path f = sky4jHome.resolve("local-cloud.properties");
    try (Reader r = Files.newBufferedReader(f)) {
      p.load(r);
      double s = Double.parseDouble(p.getProperty(KEY, Double.toString(DEFAULT_SECONDS)).trim());
      return s < 0 ? (long) (DEFAULT_SECONDS * 1000) : Math.round(s * 1000);
    } catch (IOException | NumberFormatException e) {
      return (long) (DEFAULT_SECONDS * 1000);
    }
  }
}
