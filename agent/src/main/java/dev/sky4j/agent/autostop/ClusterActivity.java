package dev.sky4j.agent.autostop;

import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.agent.jobs.JobQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Activity of the whole cluster as the head sees it: its own queue and SSH sessions plus each
 * worker's SSH sessions (asked over the node network, {@code GET /idle?scope=node}). A user with
 * a terminal or a port forward open on a worker keeps the cluster up just like one on the head.
 * A worker that does not answer (stopped, or being stopped) counts as idle.
 */
public final class ClusterActivity {
  private final String self;
  private final JobQueue queue;
  private final SshActivity tracker;
  private final List<String> workerPeers;
  private final Function<String, Map<String, Object>> askWorker;

  /** {@code workerPeers}: {@code ip:agentPort} of every worker (empty on a worker itself). */
  public ClusterActivity(String self, JobQueue queue, SshActivity tracker, List<String> workerPeers,
      AgentSecret secret) {
    this(self, queue, tracker, workerPeers, peer -> ask(HttpJsonClient.peer(peer, secret)));
  }

  ClusterActivity(String self, JobQueue queue, SshActivity tracker, List<String> workerPeers,
      Function<String, Map<String, Object>> askWorker) {
    this.self = self;
    this.queue = queue;
    this.tracker = tracker;
    this.workerPeers = List.copyOf(workerPeers);
    this.askWorker = askWorker;
  }

  /** This node only. */
  public NodeActivity local() {
    long now = System.currentTimeMillis();
    return new NodeActivity(self, true, queue.liveJobs(), tracker.userSessions(),
        tracker.activeChannels(), now - queue.lastActivityMillis(),
        now - tracker.lastActivityMillis());
  }

  /** This node, then every worker; workers are asked only when {@code withWorkers}. */
  public List<NodeActivity> nodes(boolean withWorkers) {
    List<NodeActivity> out = new ArrayList<>();
    out.add(local());
    if (withWorkers) {
      for (String peer : workerPeers) {
        Map<String, Object> m = askWorker.apply(peer);
        out.add(m == null ? NodeActivity.unreachable(peer) : NodeActivity.fromJson(m));
      }
    }
    return out;
  }

  /** Milliseconds since the last job activity anywhere (0 while a job is live). */
  public static long jobIdleMillis(List<NodeActivity> nodes) {
    return nodes.stream().mapToLong(n -> n.liveJobs() > 0 ? 0 : n.jobIdleMillis()).min().orElse(0);
  }

  /** Milliseconds since the last SSH activity on any node (0 while a session is open). */
  public static long sshIdleMillis(List<NodeActivity> nodes) {
    return nodes.stream().mapToLong(n -> n.sshBusy() ? 0 : n.sshIdleMillis()).min().orElse(0);
  }

  /** The {@code GET /idle} answer: this node only, or the cluster when asked on the head. */
  public Map<String, Object> report(boolean cluster, long bootMillis) {
    List<NodeActivity> nodes = nodes(cluster);
    int live = nodes.stream().mapToInt(NodeActivity::liveJobs).sum();
    int sessions = nodes.stream().mapToInt(NodeActivity::sshSessions).sum();
    int channels = nodes.stream().mapToInt(NodeActivity::sshChannels).sum();
    long idleFor = Math.min(jobIdleMillis(nodes), sshIdleMillis(nodes));
    boolean idle = live == 0 && sessions == 0 && channels == 0;
    Map<String, Object> m = new LinkedHashMap<>(local().toJson());
    m.put("jobIdleMillis", jobIdleMillis(nodes));
    m.put("sshIdleMillis", sshIdleMillis(nodes));
    m.put("liveJobs", live);
    m.put("sshConnections", sessions);
    m.put("sshSessions", sessions);
    m.put("sshChannels", channels);
    m.put("idle", idle);
    m.put("lastActivityMillis", System.currentTimeMillis() - idleFor);
    m.put("idleSeconds", idle ? idleFor / 1000 : 0);
    m.put("bootMillis", bootMillis);
    if (cluster) {
      m.put("nodes", nodes.stream().map(NodeActivity::toJson).toList());
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ask(HttpJsonClient worker) {
    try {
      return (Map<String, Object>) worker.get("/idle?scope=node");
    } catch (Exception e) {
      return null;
    }
  }
}
