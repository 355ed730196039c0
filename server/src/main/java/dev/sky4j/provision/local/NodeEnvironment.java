package dev.sky4j.provision.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a local-cloud node process starts with: what a fresh VM's login would have,
 * not the server's. The server may hold cloud credentials, tokens and test knobs in its
 * environment; the node (its SSH sessions and every job) must not see them, as a VM would not.
 * Kept: the search path, locale, time zone, terminal, the user's names and shell, and what finds
 * the host's GPUs and CUDA libraries. {@code HOME} is the node's home.
 */
final class NodeEnvironment {
  private static final Set<String> KEPT = Set.of("PATH", "LANG", "LANGUAGE", "TZ", "TERM", "USER",
      "LOGNAME", "SHELL", "LD_LIBRARY_PATH");
  private static final List<String> KEPT_PREFIXES = List.of("LC_", "CUDA_", "NVIDIA_");
  /** The agent sets it per job from the node's own GPU slots. */
  private static final String GPU_SLOTS = "CUDA_VISIBLE_DEVICES";
  private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private NodeEnvironment() {}

  /** The allow-listed part of {@code server}, with {@code HOME} set to the node's home. */
  static Map<String, String> of(Map<String, String> server, Path home) {
    Map<String, String> env = new TreeMap<>();
    server.forEach((k, v) -> {
      if (kept(k)) {
        env.put(k, v);
      }
    });
    env.putIfAbsent("PATH", DEFAULT_PATH);
    env.put("HOME", home.toAbsolutePath().toString());
    return env;
  }

  private static boolean kept(String name) {
    if (name.equals(GPU_SLOTS)) {
      return false;
    }
    return KEPT.contains(name) || KEPT_PREFIXES.stream().anyMatch(name::startsWith);
  }
}
