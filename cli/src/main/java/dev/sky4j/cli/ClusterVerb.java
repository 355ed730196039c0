package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.ClusterAction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.List;

/** stop, start and down share this: confirm, POST, follow the request. */
final class ClusterVerb {
  private ClusterVerb() {}

  static int run(String verb, List<String> clusters, boolean all, boolean yes, Integer idle,
      boolean down, boolean retry, boolean async) {
    if ((clusters == null || clusters.isEmpty()) && !all) {
      System.err.println("error: name the clusters to " + verb + " (or pass --all)");
      return 2;
    }
    if (!yes && !"start".equals(verb) && System.console() != null) {
      System.err.print((verb.equals("down") ? "Terminating (data on the nodes is lost)" : "Stopping")
          + " cluster(s) " + (all ? "ALL" : String.join(", ", clusters)) + ". Proceed? [Y/n]: ");
      try {
        String a = new BufferedReader(new InputStreamReader(System.in)).readLine();
        if (a != null && !a.isBlank() && !a.trim().toLowerCase().startsWith("y")) {
          System.err.println("Aborted.");
          return 1;
        }
      } catch (java.io.IOException e) {
        return 1;
      }
    }
    return Remote.run(Version.current(), c -> {
      String id = c.submit("/" + verb, new ClusterAction(clusters, all, idle, down, retry));
      if (async) {
        System.out.println("Request " + id + " submitted; sky api logs " + id);
        return 0;
      }
      return Remote.outcome(Remote.follow(c, id, "sky api logs " + id));
    });
  }
}
