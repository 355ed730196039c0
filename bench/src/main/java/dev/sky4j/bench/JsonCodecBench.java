package dev.sky4j.bench;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.sky4j.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written codec against jackson-jr on what the CLI does with JSON: read a {@code sky
 * status} answer (a list of cluster records) and write a request. {@code cold hand|jr|none} does
 * it once in a fresh JVM (run by bench/json-codec.sh, which times the process: the codec's class
 * loading is the start-up cost); {@code warm} times both in a loop.
 */
public final class JsonCodecBench {
  /** The shape of {@code ClusterRecord}: strings, numbers, a nested list, nulls. */
  public record Cluster(String name, String status, String cloud, String region, String zone,
      String instanceType, int numNodes, boolean spot, double pricePerHour, long launchedAt,
      Integer autostopMinutes, boolean autostopDown, List<String> nodeIps, String owner) {}

  /** The shape of an exec request. */
  public record Exec(String cluster, String yaml, List<String> env, boolean detach) {}

  private JsonCodecBench() {}

  static String statusAnswer(int n) {
    List<Cluster> cs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cs.add(new Cluster("dev-" + i, "UP", "local", "region-a", "zone-a1", "local-gpu-h100",
          2, i % 2 == 0, 3.06 + i, 1_764_000_000_000L + i, i % 3 == 0 ? null : 30, false,
          List.of("127.0.3." + i, "127.0.3." + (i + 100)), "alice"));
    }
    return Json.write(cs);
  }

  static final Exec EXEC = new Exec("dev-1", "run: |\n  python train.py --epochs 3\n",
      List.of("A=1", "B=two"), false);

  static int hand(String text) {
    @SuppressWarnings("unchecked")
    List<Cluster> cs = (List<Cluster>) Json.read(text, new ListOf(Cluster.class));
    return cs.size() + Json.write(EXEC).length();
  }

  static int jr(String text) throws Exception {
    List<Cluster> cs = JSON.std.listOfFrom(Cluster.class, text);
    return cs.size() + JSON.std.asString(EXEC).length();
  }

  public static void main(String[] args) throws Exception {
    String text = statusAnswer(5);
    switch (args[0]) {
      case "cold" -> {
        int r = switch (args[1]) {
          case "hand" -> hand(text);
          case "jr" -> jr(text);
          default -> text.length();
        };
        System.out.println(r);
      }
      case "warm" -> warm(statusAnswer(20), Integer.parseInt(args.length > 1 ? args[1] : "200000"));
      default -> throw new IllegalArgumentException("cold hand|jr|none, or warm [N]");
    }
  }

  private static void warm(String text, int n) throws Exception {
    List<Cluster> parsed = JSON.std.listOfFrom(Cluster.class, text);
    if (!parsed.equals(Json.read(text, new ListOf(Cluster.class)))) {
      throw new AssertionError("the two codecs read the document differently");
    }
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      long sink = 0;
      for (int i = 0; i < n; i++) {
        sink += ((List<?>) Json.read(text, new ListOf(Cluster.class))).size();
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink += JSON.std.listOfFrom(Cluster.class, text).size();
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink += Json.write(parsed).length();
      }
      long t3 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink += JSON.std.asString(parsed).length();
      }
      long t4 = System.nanoTime();
      System.out.printf("round %d (%d B doc, sink %d): read hand %.1f us, jr %.1f us; "
          + "write hand %.1f us, jr %.1f us%n", round, text.length(), sink,
          (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n, (t4 - t3) / 1e3 / n);
    }
  }

  /** {@code List<T>} for the hand-written binder. */
  private record ListOf(java.lang.reflect.Type element) implements java.lang.reflect.ParameterizedType {
    @Override
    public java.lang.reflect.Type[] getActualTypeArguments() {
      return new java.lang.reflect.Type[] {element};
    }

    @Override
    public java.lang.reflect.Type getRawType() {
      return List.class;
    }

    @Override
    public java.lang.reflect.Type getOwnerType() {
      return null;
    }
  }
}
