package dev.sky4j.spec;

import java.util.regex.Pattern;

/** Name rules shared by the validator, the CLI and the server (SkyPilot's regexes). */
public final class Names {
  private Names() {}

  private static final class Patterns {
    // sky/task.py _VALID_NAME_REGEX
    static final Pattern TASK = Pattern.compile("[a-zA-Z0-9]+(?:[._-]{1,2}[a-zA-Z0-9]+)*");
    // sky/utils/common_utils.py check_cluster_name_is_valid
    static final Pattern CLUSTER = Pattern.compile("[a-zA-Z]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?");
  }

  public static final String TASK_NAME_RULE =
      "letters and digits, optionally separated by one or two of . _ -, e.g. train-llama_v2";
  public static final String CLUSTER_NAME_RULE =
      "start with a letter, then letters, digits, - _ or ., and end with a letter or digit";

  public static boolean isValidTaskName(String name) {
    return name != null && Patterns.TASK.matcher(name).matches();
  }

  public static boolean isValidClusterName(String name) {
    return name != null && Patterns.CLUSTER.matcher(name).matches();
  }

  /** Why a cluster name is rejected, with the rule, or null when it is fine. */
  public static String clusterNameProblem(String name) {
    if (isValidClusterName(name)) {
      return null;
    }
    return "Cluster name '" + name + "' is invalid: it must " + CLUSTER_NAME_RULE + ".";
  }
}
