package dev.sky4j.cli;

import dev.sky4j.cli.remote.Remote;
import dev.sky4j.client.dto.ClusterRecord;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sky status [CLUSTERS] [-r] [-o json]}: the clusters the server knows. */
@Command(name = "status", description = "Show clusters: NAME INFRA RESOURCES STATUS AUTOSTOP LAUNCHED $/h.")
public final class StatusCommand implements Callable<Integer> {
  static final Type CLUSTERS = listOf(ClusterRecord.class);

  @Parameters(arity = "0..*", paramLabel = "CLUSTER", description = "Names or glob patterns.")
  List<String> clusters;

  @Option(names = {"-r", "--refresh"}, description = "Ask the clouds for the real state first.")
  boolean refresh;

  @Option(names = "--ip", description = "Print only the head node's IP of one cluster.")
  boolean ip;

  @Mixin ListingOutput output;

  @Override
  public Integer call() {
    return Remote.run(Version.current(), c -> {
      String q = "/status?refresh=" + refresh + (clusters == null || clusters.isEmpty() ? ""
          : "&clusters=" + java.net.URLEncoder.encode(String.join(",", clusters), "UTF-8"));
      List<ClusterRecord> rows = c.get(q, CLUSTERS);
      if (ip) {
        if (rows.size() != 1) {
          System.err.println("error: --ip needs exactly one cluster name");
          return 2;
        }
        System.out.println(rows.get(0).headIp() == null ? "-" : rows.get(0).headIp());
        return 0;
      }
      if (output.printedJson(rows)) {
        return 0;
      }
      if (rows.isEmpty()) {
        System.out.println("No existing clusters.");
        return 0;
      }
      Table t = new Table("NAME", "INFRA", "RESOURCES", "STATUS", "AUTOSTOP", "LAUNCHED", "$/h");
      for (ClusterRecord r : rows) {
        String infra = r.cloud() + (r.region() == null ? "" : " (" + r.region()
            + (r.zone() == null ? "" : "/" + r.zone()) + ")");
        String autostop = r.autostopMinutes() == null ? "-"
            : r.autostopMinutes() + "m" + (r.autostopDown() ? " (down)" : "");
        t.row(r.name(), infra, r.resources(), r.status(), autostop, Times.ago(r.launchedAt()),
            String.format(Locale.ROOT, "%.3f", r.pricePerHour()));
      }
      System.out.print(t.render());
      for (ClusterRecord r : rows) {
        if (r.statusMessage() != null && !"UP".equals(r.status())) {
          System.out.println(r.name() + ": " + r.statusMessage());
        }
      }
      return 0;
    });
  }

  static Type listOf(Class<?> c) {
    return new ParameterizedType() {
      @Override public Type[] getActualTypeArguments() {
        return new Type[] {c};
      }

      @Override public Type getRawType() {
        return List.class;
      }

      @Override public Type getOwnerType() {
        return null;
      }
    };
  }
}
