package dev.sky4j.kernel.cluster;

import dev.sky4j.client.ApiEndpoint;
import dev.sky4j.client.ApiException;
import dev.sky4j.client.SkyClient;
import dev.sky4j.client.dto.ClusterRecord;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Cluster records from the API server (through the client module and the token file). */
public final class Clusters {
  private static final Type LIST = SkyClient.listOf(ClusterRecord.class);

  private final SkyClient client;

  public Clusters(SkyClient client) {
    this.client = client;
  }

  public static Clusters fromEnvironment() {
    return new Clusters(ApiEndpoint.client());
  }

  public SkyClient client() {
    return client;
  }

  /** The cluster's record; {@code refresh} asks the provider what really runs (preemptions). */
  public Optional<ClusterInfo> find(String name, boolean refresh) throws IOException, ApiException {
    List<ClusterRecord> rows = client.get("/status?refresh=" + refresh + "&clusters="
        + URLEncoder.encode(name, StandardCharsets.UTF_8), LIST);
    return rows.stream().filter(r -> r.name().equals(name)).findFirst().map(ClusterInfo::new);
  }

  /** The most recently launched cluster (for a {@code %sky launch} without {@code -c}). */
  public Optional<ClusterInfo> newest() throws IOException, ApiException {
    List<ClusterRecord> rows = client.get("/status?refresh=false", LIST);
    return rows.stream().max(java.util.Comparator.comparingLong(ClusterRecord::launchedAt))
        .map(ClusterInfo::new);
  }
}
