package dev.sky4j.agent.http;

import dev.sky4j.agent.jobs.RankHandle;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rank running on a worker node, driven through that worker's agent API. */
public final class RemoteRank implements RankHandle {
  private final HttpJsonClient worker;
  private final String key;

  private RemoteRank(HttpJsonClient worker, String key) {
    this.worker = worker;
    this.key = key;
  }

  public static RemoteRank start(
      HttpJsonClient worker, long jobId, String phase, int rank, String script,
      Map<String, String> env, int[] gpuSlots, String workdir) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jobId", jobId);
    body.put("phase", phase);
    body.put("rank", rank);
    body.put("script", script);
    body.put("env", env);
    body.put("gpuSlots", java.util.Arrays.stream(gpuSlots).boxed().toList());
    body.put("workdir", workdir);
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) worker.post("/rank/start", body);
    return new RemoteRank(worker, (String) r.get("key"));
  }

  @Override
  @SuppressWarnings("unchecked")
  public int await() throws IOException {
    while (true) {
      Map<String, Object> r = (Map<String, Object>) worker.get("/rank/wait?key=" + key);
      Object code = r.get("exit");
      if (code != null) {
        return ((Number) code).intValue();
      }
    }
  }

  @Override
  public void kill() {
    try {
      worker.post("/rank/kill?key=" + key, Map.of());
    } catch (IOException e) {
      // the worker is gone (preempted or stopped): its processes died with it
    }
  }

  @Override
  public boolean awaitExit(long millis) throws IOException {
    long deadline = System.currentTimeMillis() + millis;
    while (true) {
      long left = deadline - System.currentTimeMillis();
      if (((Map<?, ?>) worker.get("/rank/wait?millis=" + Math.max(0, left) + "&key=" + key))
          .get("exit") != null) {
        return true;
      }
      if (left <= 0) {
        return false;
      }
    }
  }

  @Override
  public void follow(OutputStream out) throws IOException {
    LongPoll.follow(worker, "/rank/log?key=" + key, 0, out, () -> ((Map<?, ?>) worker.get(
        "/rank/wait?millis=0&key=" + key)).get("exit") != null);
  }
}
