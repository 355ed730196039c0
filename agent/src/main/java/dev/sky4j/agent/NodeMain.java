package dev.sky4j.agent;

import dev.sky4j.agent.autostop.AutostopStore;
import dev.sky4j.agent.autostop.Autostopper;
import dev.sky4j.agent.autostop.ClusterActivity;
import dev.sky4j.agent.autostop.HookRunner;
import dev.sky4j.agent.autostop.LocalSelfStop;
import dev.sky4j.agent.autostop.SelfStop;
import dev.sky4j.agent.autostop.Teardown;
import dev.sky4j.agent.http.AgentHttpServer;
import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.agent.fs.NodeMounts;
import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.agent.http.MountRoute;
import dev.sky4j.agent.http.RemoteRank;
import dev.sky4j.agent.jobs.JobQueue;
import dev.sky4j.agent.jobs.RankHandle;
import dev.sky4j.agent.jobs.RankLauncher;
import dev.sky4j.agent.jobs.RankRegistry;
import dev.sky4j.agent.local.LocalCloudDisk;
import dev.sky4j.agent.local.PreemptionNotice;
import dev.sky4j.agent.ssh.NodeSshServer;
import dev.sky4j.agent.ssh.SessionTracker;
import dev.sky4j.agent.autostop.SshActivity;
import dev.sky4j.agent.vm.OpenSshActivity;
import dev.sky4j.agent.vm.VmSelfStop;
import dev.sky4j.agent.vm.VmSettings;
import dev.sky4j.agent.vm.VmShutdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A node: {@code java -cp sky4j-agent.jar dev.sky4j.agent.NodeMain --home <node home>}. Reads
 * {@code <home>/.sky4j-agent/node.properties}, starts the SSH server and the agent API on the
 * node's own address, then writes {@code node.pid} and {@code ready}. Stop with SIGTERM: job
 * trees are killed and the home folder is kept.
 */
public final class NodeMain {
  public static final String READY_FILE = "ready";
  public static final String PID_FILE = "node.pid";
  public static final String PREEMPTED_FILE = "preempted";

  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (args.length != 2 || !args[0].equals("--home")) {
      System.err.println("usage: java -cp sky4j-agent.jar dev.sky4j.agent.NodeMain --home <dir>");
      System.exit(2);
    }
    Path home = Path.of(args[1]).toAbsolutePath();
    NodeConfig cfg = NodeConfig.read(home);
    VmSettings vm = VmSettings.read(home);
    Path agentDir = NodeConfig.agentDir(home);
    AgentSecret secret = secret(agentDir);
    Files.deleteIfExists(agentDir.resolve(READY_FILE));
    Files.deleteIfExists(agentDir.resolve(PREEMPTED_FILE));
    dev.sky4j.agent.local.LocalNodes.writePid(home, ProcessHandle.current().pid());

    RankRegistry ranks = new RankRegistry(home, agentDir, cfg.gpuDevices());
    RankLauncher launcher = (node, jobId, phase, rank, script, env, slots, workdir) -> {
      if (node == cfg.rank()) {
        return RankHandle.local(ranks.start(jobId, phase, rank, script, env, slots, workdir));
      }
      HttpJsonClient worker = HttpJsonClient.peer(cfg.peers().get(node), secret);
      return RemoteRank.start(worker, jobId, phase, rank, script, env, slots, workdir);
    };
    JobQueue queue = new JobQueue(cfg, home, launcher);
    // On a VM the system's OpenSSH serves SSH; the agent only watches its connections.
    SessionTracker tracker = vm.vm() ? null : new SessionTracker(cfg.agentPort());
    SshActivity sshActivity = vm.vm()
        ? OpenSshActivity.forNode(cfg.sshPort(), vm.sshActivityAddress(), agentDir) : tracker;
    VmShutdown powerOff = new VmShutdown(vm.shutdownCommand());
    long boot = System.currentTimeMillis();
    ClusterActivity activity = new ClusterActivity(cfg.nodeId(), queue, sshActivity, workerPeers(cfg),
        secret);
    AutostopStore store = new AutostopStore(agentDir);
    Teardown teardown = new Teardown(store, new HookRunner(home), workerPeers(cfg), secret);
    Autostopper autostop = new Autostopper(agentDir, store, activity, teardown,
        vm.vm() ? new VmSelfStop(workerPeers(cfg), secret, powerOff) : selfStop(cfg, home),
        queue::lastSubmitMillis, boot, () -> System.exit(0));

    AgentHttpServer api = new AgentHttpServer(cfg.ip(), cfg.agentPort(), queue, ranks,
        () -> health(cfg, boot, NodeMounts.forNode(home, agentDir).describe()),
        cluster -> activity.report(cluster && cfg.rank() == 0, boot),
        autostop, teardown, secret);
    NodeMounts mounts = NodeMounts.forNode(home, agentDir);
    mounts.reapply();
    api.serveMounts(new MountRoute(mounts, workerPeers(cfg).stream()
        .map(peer -> HttpJsonClient.peer(peer, secret)).toList()));
    if (vm.vm()) {
      api.serveShutdown(() -> new Thread(() -> {
        try {
          powerOff.now();
        } catch (java.io.IOException e) {
          System.err.println("sky4j node: " + e.getMessage());
        }
      }, "power-off").start());
    }
    NodeSshServer ssh = vm.vm() ? null : new NodeSshServer(cfg.ip(), cfg.sshPort(), home, agentDir,
        cfg.authorizedKeys(), tracker);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ranks.killAll();
      api.close();
      try {
        if (ssh != null) {
          ssh.close();
        }
        Files.deleteIfExists(agentDir.resolve(READY_FILE));
      } catch (Exception ignored) {
        // shutting down anyway
      }
      stopped.countDown();
    }, "node-shutdown"));
    if (cfg.spot() && cfg.chaosMeanSeconds() > 0) {
      Chaos.schedule(cfg.chaosMeanSeconds(), agentDir, ranks, teardown,
          PreemptionNotice.windowMillis(LocalCloudDisk.ofNodeHome(home).sky4jHome()));
    }
    if (cfg.rank() == 0) {
      autostop.start(Long.getLong("sky4j.autostop.tickMillis", 500));
    }
    Files.writeString(agentDir.resolve(READY_FILE),
        "ssh=" + (ssh != null ? ssh.port() : cfg.sshPort()) + "\nagent=" + cfg.agentPort() + "\n");
    stopped.await();
  }

  /** The provider wrote it before starting the node; without it the node would answer anyone. */
  private static AgentSecret secret(Path agentDir) {
    try {
      return AgentSecret.ofNode(agentDir);
    } catch (java.io.IOException e) {
      System.err.println("sky4j node: cannot read the cluster's agent secret ("
          + e.getMessage() + "); the provider writes " + agentDir.resolve(AgentSecret.FILE)
          + " before it starts the node. Not starting.");
      System.exit(2);
      return null;
    }
  }

  private static Map<String, Object> health(NodeConfig cfg, long boot, String fs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cluster", cfg.cluster());
    m.put("node", cfg.nodeId());
    m.put("rank", cfg.rank());
    m.put("ip", cfg.ip());
    m.put("gpus", cfg.gpuDevices().size());
    m.put("gpuName", cfg.gpuName());
    m.put("gpusSimulated", cfg.gpusSimulated());
    m.put("bootMillis", boot);
    m.put("fs", fs);
    return m;
  }

  /** The workers' {@code ip:agentPort} as the head sees them; empty on a worker. */
  private static List<String> workerPeers(NodeConfig cfg) {
    return cfg.rank() == 0 && cfg.peers().size() > 1 ? cfg.peers().subList(1, cfg.peers().size()) : List.of();
  }

  /** The cloud's own stop path as seen from the node; null where the agent has none yet. */
  private static SelfStop selfStop(NodeConfig cfg, Path home) {
    return "local".equals(cfg.cloud()) ? new LocalSelfStop(home, cfg.cluster()) : null;
  }
}
