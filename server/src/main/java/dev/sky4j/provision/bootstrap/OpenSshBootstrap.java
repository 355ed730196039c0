package dev.sky4j.provision.bootstrap;

import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.ssh.AgentSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Installs and starts the agent on fresh VMs over the system's OpenSSH, all nodes at once. Per
 * node: wait for sshd; ask what it has (sha-256 markers); upload the Java runtime and the agent
 * jar only when they differ; write the cluster secret (0600, sent on stdin), the agent's
 * settings and a systemd unit ({@code enable}d, so it starts again after a stop/start);
 * restart the agent only when something changed (a second install on a healthy cluster leaves
 * running jobs alone); then wait until the agent answers with the secret through an SSH tunnel.
 * A node that cannot run the runtime built here (another OS or CPU) gets the distribution's
 * JRE ({@code apt-get install openjdk-17-jre-headless}) instead.
 */
public final class OpenSshBootstrap {
  static final long SSH_WAIT_SECONDS = 180;
  static final long AGENT_WAIT_SECONDS = 90;

  private final Sky4jPaths paths;
  private final AgentRuntime runtime;

  public OpenSshBootstrap(Sky4jPaths paths) {
    this.paths = paths;
    this.runtime = new AgentRuntime(paths);
  }

  /** Idempotent: installs what is missing on every node, starts the agents, returns once each answers. */
  public void install(String cluster, List<BootstrapTarget> nodes, RequestLog log)
      throws IOException {
    Path jar = AgentRuntime.agentJar();
    Path secretFile = new AgentSecrets(paths).file(cluster);
    AgentSecret secret = new AgentSecrets(paths).require(cluster);
    Path knownHosts = paths.sky4jHome().resolve("generated").resolve("known_hosts").resolve(cluster);
    Files.createDirectories(knownHosts.getParent());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, nodes.size()), r -> {
      Thread t = new Thread(r, "bootstrap");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (BootstrapTarget node : nodes) {
        NodeInstall job = new NodeInstall(cluster, node, nodes, new OpenSsh(node, knownHosts),
            log, jar, secretFile, secret);
        done.add(pool.submit(() -> {
          job.run();
          return null;
        }));
      }
      List<String> failures = new ArrayList<>();
      for (Future<?> f : done) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause().getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while bootstrapping " + cluster, e);
        }
      }
      if (!failures.isEmpty()) {
        throw new IOException(String.join("; ", failures));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One node's install, in the order the class comment gives. */
  private final class NodeInstall {
    private final String cluster;
    private final BootstrapTarget node;
    private final List<BootstrapTarget> all;
    private final OpenSsh ssh;
    private final RequestLog log;
    private final Path jar;
    private final Path secretFile;
    private final AgentSecret secret;
    private final String who;

    NodeInstall(String cluster, BootstrapTarget node, List<BootstrapTarget> all, OpenSsh ssh,
        RequestLog log, Path jar, Path secretFile, AgentSecret secret) {
      this.cluster = cluster;
      this.node = node;
      this.all = all;
      this.ssh = ssh;
      this.log = log;
      this.jar = jar;
      this.secretFile = secretFile;
      this.secret = secret;
      this.who = "node " + (all.indexOf(node) + 1) + "/" + all.size() + " (" + node.nodeId() + ")";
    }

    void run() throws IOException {
      long start = System.nanoTime();
      waitForSsh();
      List<String> facts = List.of(check(ssh.exec("echo \"$HOME\"; uname -m; cat ~/.sky4j-agent/"
          + "runtime.sha 2>/dev/null || echo -; cat ~/.sky4j-agent/jar.sha 2>/dev/null || echo -; nproc",
          null, 60), "look at the node").output().split("\n"));
      if (facts.size() < 5) {
        throw fail("the node's answer to a simple probe was unexpected: " + facts);
      }
      String home = facts.get(0).strip();
      boolean ownRuntime = AgentRuntime.suits(facts.get(1));
      long uploaded = 0;
      String runtimeSha = "-";
      if (ownRuntime) {
        AgentRuntime.Built rt = runtime.get(jar);
        runtimeSha = rt.sha256();
        if (!rt.sha256().equals(facts.get(2).strip())) {
          log.stage(who + ": uploading Java runtime (" + mb(rt.bytes()) + ")...");
          check(ssh.upload(rt.tarGz(), ".sky4j-runtime.tar.gz", 600), "upload the Java runtime");
          uploaded += rt.bytes();
        }
      } else {
        log.stage(who + ": " + facts.get(1).strip() + " differs from this machine; installing "
            + "the distribution's JRE on it (apt-get)...");
      }
      String jarSha = AgentRuntime.sha256(jar);
      if (!jarSha.equals(facts.get(3).strip())) {
        log.stage(who + ": uploading the agent (" + mb(Files.size(jar)) + ")...");
        check(ssh.upload(jar, ".sky4j-agent.jar.new", 300), "upload the agent jar");
        uploaded += Files.size(jar);
      }
      String java = ownRuntime ? home + "/.sky4j-agent/jre/bin/java" : "/usr/bin/java";
      String script = InstallScript.render(runtimeSha, jarSha, ownRuntime,
          NodeFiles.nodeProperties(cluster, node, all, home, cpus(facts.get(4))),
          NodeFiles.unit(cluster, node.sshUser(), home, java));
      log.stage(who + ": starting the agent (systemd unit " + NodeFiles.UNIT + ")...");
      check(ssh.exec(script, Files.readAllBytes(secretFile), 600), "install and start the agent");
      waitForAgent();
      log.stage(String.format("%s: agent up (%s uploaded, %.1f s)", who, mb(uploaded),
          (System.nanoTime() - start) / 1e9));
    }

    private void waitForSsh() throws IOException {
      long deadline = System.nanoTime() + SSH_WAIT_SECONDS * 1_000_000_000L;
      OpenSsh.Result last;
      do {
        last = ssh.exec("true", null, 30);
        if (last.exit() == 0) {
          return;
        }
        sleep(1000);
      } while (System.nanoTime() < deadline);
      throw fail("SSH did not answer within " + SSH_WAIT_SECONDS + " s (" + last.output()
          + "); check that the instance is running and its security group allows SSH from here");
    }

    private void waitForAgent() throws IOException {
      long deadline = System.nanoTime() + AGENT_WAIT_SECONDS * 1_000_000_000L;
      String last = "no answer";
      while (System.nanoTime() < deadline) {
        try (OpenSsh.Tunnel t = ssh.tunnel(node.internalIp(), node.agentPort())) {
          for (int i = 0; i < 20 && System.nanoTime() < deadline; i++) {
            sleep(250);
            try {
              Object h = new HttpJsonClient("127.0.0.1", t.localPort(), secret).get("/health");
              if (h instanceof Map<?, ?> m && node.nodeId().equals(m.get("node"))) {
                return;
              }
              last = "answered as " + h;
            } catch (IOException e) {
              last = e.getMessage();
            }
            if (!t.process().isAlive()) {
              break; // the tunnel itself failed; open another
            }
          }
        }
      }
      throw fail("the agent did not answer within " + AGENT_WAIT_SECONDS + " s (" + last
          + "); its log is /run/fake-systemd or `journalctl -u " + NodeFiles.UNIT + "` on the node");
    }

    private OpenSsh.Result check(OpenSsh.Result r, String what) throws IOException {
      if (r.exit() != 0) {
        throw fail("could not " + what + " (exit " + r.exit() + "): " + r.output());
      }
      return r;
    }

    private IOException fail(String msg) {
      return new IOException(who + " at " + node.sshHost() + ":" + node.sshPort() + ": " + msg);
    }
  }

  private static double cpus(String nproc) {
    try {
      return Double.parseDouble(nproc.strip());
    } catch (NumberFormatException e) {
      return 1; // the job queue still runs one job at a time
    }
  }

  static String mb(long bytes) {
    return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0)
        : String.format("%d KB", (bytes + 1023) / 1024);
  }

  private static void sleep(long ms) throws IOException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
