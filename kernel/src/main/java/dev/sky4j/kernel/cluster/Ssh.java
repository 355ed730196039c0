package dev.sky4j.kernel.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * System OpenSSH by cluster name, with the config sky4j generates ({@code SKY4J_SSH_CONFIG} when
 * set, else the user's {@code ~/.ssh/config} that includes it): the same route as {@code ssh dev}
 * in a terminal, proxy commands and jump hosts included. Keep-alives notice a dead link within
 * about six seconds even when no packet says so.
 */
public final class Ssh {
  private Ssh() {}

  public static List<String> command(String host, String remoteCommand) {
    List<String> c = new ArrayList<>(List.of("ssh"));
    String cfg = System.getenv("SKY4J_SSH_CONFIG");
    if (cfg != null && !cfg.isBlank()) {
      c.add("-F");
      c.add(cfg.strip());
    }
    c.addAll(List.of("-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
        "-o", "ServerAliveInterval=2", "-o", "ServerAliveCountMax=3", host, remoteCommand));
    return c;
  }

  /** Single quotes for a POSIX shell. */
  public static String quote(String s) {
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }
}
