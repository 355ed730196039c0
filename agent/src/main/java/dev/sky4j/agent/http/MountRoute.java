package dev.sky4j.agent.http;

import dev.sky4j.agent.fs.Mount;
import dev.sky4j.agent.fs.NodeMounts;
import dev.sky4j.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /mounts}: applies file mounts on this node and, on the head, on every worker (one
 * call from the server covers the cluster, as with hooks). Answers this node's filesystem mode
 * ({@code fs}), where each destination is as the task sees it ({@code paths}: the absolute path
 * itself, or {@code ~/...} in the fallback), and every node's mode ({@code nodes}).
 */
public final class MountRoute {
  static final MountRoute NONE = new MountRoute(null, List.of());
  private final NodeMounts mounts;
  private final List<HttpJsonClient> workers;

  public MountRoute(NodeMounts mounts, List<HttpJsonClient> workers) {
    this.mounts = mounts;
    this.workers = List.copyOf(workers);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> handle(String method, String body, boolean nodeOnly) throws IOException {
    if (mounts == null) {
      throw new IllegalStateException("this node cannot mount yet; try again when it is ready");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fs", mounts.describe());
    if (!method.equals("POST")) {
      return out;
    }
    Map<String, Object> req = Json.parseObject(body);
    List<Mount> list = new ArrayList<>();
    if (req.get("mounts") instanceof List<?> l) {
      for (Object o : l) {
        list.add(Mount.fromJson((Map<String, Object>) o));
      }
    }
    out.put("paths", mounts.apply(list));
    List<Object> nodes = new ArrayList<>();
    nodes.add(mounts.describe());
    if (!nodeOnly) {
      for (HttpJsonClient w : workers) {
        Map<String, Object> r = (Map<String, Object>) w.post("/mounts?scope=node", req);
        nodes.add(r.get("fs"));
      }
    }
    out.put("nodes", nodes);
    return out;
  }
}
