package dev.sky4j.engine;

import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.agent.http.LongPoll;
import dev.sky4j.agent.vm.ControlSessions;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeInfo;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.ssh.AgentSecrets;
import dev.sky4j.ssh.CommandRunner;
import dev.sky4j.ssh.FolderSync;
import dev.sky4j.ssh.SshConfigWriter;
import dev.sky4j.ssh.SshTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@link ClusterAccess} over sshj: one warm connection per node, one tunnel to the head agent per
 * cluster, both kept until the cluster stops or goes down. The agent listens on its node's own
 * address only; the tunnel makes it reachable from here as it would be on a cloud VM.
 */
public final class SshClusterAccess implements ClusterAccess {
  private final SshConfigWriter sshConfig;
  private final AgentSecrets secrets;
  private final Map<String, Conn> conns = new ConcurrentHashMap<>();
  private final Predicate<String> openSshCloud;

  public SshClusterAccess(Sky4jPaths paths) {
    this(paths, cloud -> false);
  }

  /**
   * {@code openSshCloud}: whether a cloud's nodes run OpenSSH in VM mode
   * ({@link dev.sky4j.provision.Capability#OPENSSH_NODES}), whose warm connections mark
   * themselves as sky4j's own.
   */
  public SshClusterAccess(Sky4jPaths paths, Predicate<String> openSshCloud) {
    this.sshConfig = new SshConfigWriter(paths);
    this.secrets = new AgentSecrets(paths);
    this.openSshCloud = openSshCloud;
  }

  /** The cached connections of one cluster. */
  private static final class Conn {
    final List<CommandRunner> runners = new ArrayList<>();
    CommandRunner.Tunnel tunnel;
    AgentClient agent;
    String key;

    synchronized void close() {
      try {
        if (tunnel != null) {
          tunnel.close();
        }
      } catch (IOException ignored) {
        // closing anyway
      }
      runners.forEach(CommandRunner::close);
      runners.clear();
      tunnel = null;
      agent = null;
    }
  }

  private Conn conn(ClusterInfo c) {
    String key = c.nodes().stream().map(n -> n.sshHost() + ":" + n.sshPort()).toList()
        + " via " + c.proxyCommand();
    Conn conn = conns.computeIfAbsent(c.cluster(), k -> new Conn());
    synchronized (conn) {
      if (!key.equals(conn.key)) {
        conn.close();
        String mark = openSshCloud.test(c.cloud()) ? ControlSessions.MARK_COMMAND : null;
        for (NodeInfo n : c.nodes()) {
          conn.runners.add(new CommandRunner(new SshTarget(n.sshHost(), n.sshPort(), c.sshUser(),
              c.privateKey(), c.proxyCommand()), mark));
        }
        conn.key = key;
      }
    }
    return conn;
  }

  @Override
  public AgentClient agent(ClusterInfo c) throws IOException {
    Conn conn = conn(c);
    synchronized (conn) {
      if (conn.agent == null || !conn.tunnel.isOpen()) {
        // a tunnel is cut when its transport dies; the next call opens a fresh one (or fails
        // at once with the SSH error when the node is gone)
        CommandRunner head = conn.runners.get(0);
        AgentSecret secret = secrets.require(c.cluster());
        conn.tunnel = head.forward(c.head().agentHost(), c.head().agentPort());
        conn.agent = new HttpAgent(new HttpJsonClient("127.0.0.1", conn.tunnel.localPort(), secret),
            conn.tunnel.localPort());
      }
      return conn.agent;
    }
  }

  @Override
  public int sync(ClusterInfo c, Path local, String remotePath, RequestLog log) throws IOException {
    String remote = remotePath.startsWith("~/") ? remotePath.substring(2) : remotePath;
    int changed = 0;
    for (CommandRunner r : conn(c).runners) {
      if (Files.isDirectory(local)) {
        changed = Math.max(changed, FolderSync.sync(r, local, remote).uploaded());
      } else {
        try (var sftp = r.sftp()) {
          int slash = remote.lastIndexOf('/');
          if (slash > 0) {
            sftp.mkdirs(remote.substring(0, slash));
          }
          sftp.put(new net.schmizz.sshj.xfer.FileSystemFile(local.toFile()), remote);
          changed = 1;
        }
      }
    }
    return changed;
  }

  @Override
  public void runOnEach(ClusterInfo c, String command) throws IOException {
    List<CommandRunner> runners = conn(c).runners;
    for (int i = 0; i < runners.size(); i++) {
      CommandRunner.Result r = runners.get(i).run(command);
      if (r.exitCode() != 0) {
        String err = (r.stderr() + r.stdout()).strip();
        throw new IOException("node " + i + " of " + c.cluster() + ": exit " + r.exitCode()
            + (err.isEmpty() ? "" : ": " + err.substring(Math.max(0, err.length() - 600))));
      }
    }
  }

  @Override
  public void ensureAgent(ClusterInfo c, RequestLog log) throws IOException {
    // the provider's bootstrap installed it (or, locally, the node process is the agent):
    // check it answers through the tunnel with this cluster's secret
    agent(c).jobs();
  }

  @Override
  public void writeSshConfig(ClusterInfo c) throws IOException {
    List<SshConfigWriter.HostEntry> hosts = new ArrayList<>();
    for (NodeInfo n : c.nodes()) {
      String alias = n.rank() == 0 ? c.cluster() : c.cluster() + "-worker" + n.rank();
      hosts.add(new SshConfigWriter.HostEntry(alias, n.sshHost(), n.sshPort(), c.sshUser(),
          c.privateKey(), c.proxyCommand()));
    }
    sshConfig.writeCluster(c.cluster(), hosts);
  }

  @Override
  public void removeSshConfig(String cluster) {
    try {
      sshConfig.removeCluster(cluster);
    } catch (IOException ignored) {
      // a stale host entry is harmless: ssh would fail to connect
    }
  }

  @Override
  public void forget(String cluster) {
    Conn c = conns.remove(cluster);
    if (c != null) {
      c.close();
    }
  }

  /** The agent's HTTP API through the tunnel. */
  private record HttpAgent(HttpJsonClient http, int port) implements AgentClient {
    private static final int TEARDOWN_READ_MILLIS = 6 * 3600 * 1000;
    private static final int MOUNT_READ_MILLIS = 30 * 60 * 1000;

    @Override
    @SuppressWarnings("unchecked")
    public int submit(Map<String, Object> wireSpec) throws IOException {
      Map<String, Object> r = (Map<String, Object>) http.post("/jobs", wireSpec);
      return ((Number) r.get("id")).intValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> jobs() throws IOException {
      Map<String, Object> r = (Map<String, Object>) http.get("/jobs");
      return (List<Map<String, Object>>) r.get("jobs");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> job(int id) throws IOException {
      return (Map<String, Object>) http.get("/jobs/" + id);
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean cancel(int id) throws IOException {
      Map<String, Object> r = (Map<String, Object>) http.post("/jobs/" + id + "/cancel", Map.of());
      return Boolean.TRUE.equals(r.get("cancelled"));
    }

    @Override
    public long log(int id, long offset, boolean follow, OutputStream out) throws IOException {
      if (!follow) {
        return http.stream("/jobs/" + id + "/log?offset=" + offset, out, LongPoll.READ_TIMEOUT_MILLIS);
      }
      return LongPoll.follow(http, "/jobs/" + id + "/log?follow=true", offset, out,
          () -> terminal(job(id)));
    }

    private static boolean terminal(Map<String, Object> job) {
      return dev.sky4j.agent.jobs.JobState.valueOf(String.valueOf(job.get("state"))).terminal();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> setAutostop(Map<String, Object> setting) throws IOException {
      return (Map<String, Object>) http.post("/autostop", setting);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> autostop() throws IOException {
      return (Map<String, Object>) http.get("/autostop");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> mount(List<Map<String, Object>> mounts) throws IOException {
      // a COPY mount seeds the node's folder from its bucket first: allow for a big one
      return (Map<String, Object>) http.post("/mounts", Map.of("mounts", mounts), MOUNT_READ_MILLIS);
    }

    @Override
    public void setHooks(List<Map<String, Object>> hooks) throws IOException {
      http.post("/hooks", Map.of("hooks", hooks));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> teardown(String event) throws IOException {
      // hooks run before the answer, each up to its own timeout (SkyPilot's default is an hour)
      return (Map<String, Object>) http.post("/teardown", Map.of("event", event), TEARDOWN_READ_MILLIS);
    }
  }
}
