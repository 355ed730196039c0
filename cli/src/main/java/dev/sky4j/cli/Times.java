package dev.sky4j.cli;

/** "3 mins ago", "2 hrs ago": how SkyPilot's tables show times. */
final class Times {
  private Times() {}

  static String ago(long epochMillis) {
    if (epochMillis <= 0) {
      return "-";
    }
    long s = Math.max(0, (System.currentTimeMillis() - epochMillis) / 1000);
    if (s < 60) {
      return s + " secs ago";
    }
    if (s < 3600) {
      return s / 60 + " mins ago";
    }
    if (s < 86400) {
      return s / 3600 + " hrs ago";
    }
    return s / 86400 + " days ago";
  }

  static String duration(Long start, Long end) {
    if (start == null) {
      return "-";
    }
    long s = ((end == null ? System.currentTimeMillis() : end) - start) / 1000;
    return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m " + s % 60 + "s" : s / 3600 + "h " + s % 3600 / 60 + "m";
  }
}
