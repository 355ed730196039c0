import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStatus;
import dev.sky4j.state.ClusterStore;
import dev.sky4j.state.Database;
import dev.sky4j.state.NodeRow;
import java.nio.file.Path;
import java.util.List;

/**
 * Fills a state.db with N clusters through the real state store (bench/api-cli.sh runs it as a
 * single-file program on the server jar's classpath). The rows are "aws" clusters: no provider
 * of that name is enabled here, so the server's start-up reconciliation leaves them as they are.
 */
public class StateSeed {
  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    try (Database d = Database.open(db)) {
      ClusterStore store = new ClusterStore(d);
      long now = System.currentTimeMillis();
      for (int i = 0; i < n; i++) {
        ClusterStatus s = i % 3 == 0 ? ClusterStatus.STOPPED : ClusterStatus.UP;
        store.save(new ClusterRow("bench-" + i, s, "aws", "us-east-1", "us-east-1a", "g5.xlarge",
            1 + i % 2, "A10G", 1, i % 5 == 0, 4, 16, 1.006, i % 4 == 0 ? 30 : null, false,
            now - i * 60_000L, "bench", List.of(new NodeRow("n" + i, 0, "10.0.0." + (i % 250),
            "3.0.0." + (i % 250), 22)), true, null));
      }
    }
  }
}
