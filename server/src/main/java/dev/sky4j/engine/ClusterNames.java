package dev.sky4j.engine;

import dev.sky4j.requests.ApiError;
import dev.sky4j.spec.Names;

/**
 * The one check of a cluster name (core's {@link Names} rule, SkyPilot's), done before any
 * provider sees the name, and the generated name when {@code -c} is not given.
 */
final class ClusterNames {
  static final int MAX_LENGTH = 63;

  private ClusterNames() {}

  static String check(String name) {
    String problem = Names.clusterNameProblem(name);
    if (problem == null && name.length() > MAX_LENGTH) {
      problem = "Cluster name '" + name + "' is invalid: it has " + name.length()
          + " characters, at most " + MAX_LENGTH + " are allowed.";
    }
    if (problem != null) {
      throw ApiError.badRequest("invalid-cluster-name", problem + " Pick another name, e.g. -c my-dev");
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
