package dev.sky4j.engine;

import dev.sky4j.requests.ApiError;
import java.util.regex.Pattern;

/** SkyPilot's cluster-name rule, and the generated name when {@code -c} is not given. */
final class ClusterNames {
  private static final Pattern VALID = Pattern.compile("[a-zA-Z]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?");

  private ClusterNames() {}

  static String check(String name) {
    if (name == null || !VALID.matcher(name).matches() || name.length() > 63) {
      throw ApiError.badRequest("invalid-cluster-name", "Cluster name \"" + name + "\" is invalid; "
          + "use letters, digits, '-', '_' and '.', start with a letter and end with a letter or "
          + "digit (at most 63 characters), e.g. -c my-dev");
    }
    return name;
  }

  static String generate(String user) {
    String u = user == null ? "user" : user.replaceAll("[^a-zA-Z0-9]", "");
    if (u.isEmpty()) {
      u = "user";
    }
    return "sky-" + Long.toHexString(System.nanoTime() & 0xfffff) + "-" + u;
  }
}
