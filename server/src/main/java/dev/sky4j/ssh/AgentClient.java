package dev.sky4j.ssh;

import dev.sky4j.agent.http.AgentSecret;
import dev.sky4j.agent.http.HttpJsonClient;
import dev.sky4j.agent.http.LongPoll;
import dev.sky4j.agent.jobs.JobState;
import dev.sky4j.agent.jobs.JobSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The head agent's control API, reached through an SSH tunnel: the agent listens only on the
 * node's own address, so nothing on a node is exposed beyond SSH. The agent's port is read from
 * the node ({@code ~/.sky4j-agent/ready}), so this works on any cloud.
 */
public final class AgentClient implements AutoCloseable {
  private final CommandRunner.Tunnel tunnel;
  private final HttpJsonClient http;

  private AgentClient(CommandRunner.Tunnel tunnel, AgentSecret secret) {
    this.tunnel = tunnel;
    this.http = new HttpJsonClient("127.0.0.1", tunnel.localPort(), secret);
  }

  /**
   * Opens a tunnel from here to the agent of the node {@code runner} is connected to; calls carry
   * the cluster's {@code secret}.
   */
  public static AgentClient connect(CommandRunner runner, String nodeAddress, AgentSecret secret)
      throws IOException {
    CommandRunner.Result ready = runner.run("cat .sky4j-agent/ready");
    if (ready.exitCode() != 0) {
      throw new IOException("the sky4j agent on " + nodeAddress + " is not running: "
          + ready.stderr().strip() + " (restart the cluster with `sky start`)");
    }
    int port = -1;
    for (String line : ready.stdout().split("\n")) {
      if (line.startsWith("agent=")) {
        port = Integer.parseInt(line.substring(6).trim());
      }
    }
    if (port < 0) {
      throw new IOException("the sky4j agent on " + nodeAddress + " did not say its port");
    }
    return new AgentClient(runner.forward(nodeAddress, port), secret);
  }

  @SuppressWarnings("unchecked")
  public long submit(JobSpec spec) throws IOException {
    Map<String, Object> r = (Map<String, Object>) http.post("/jobs", spec.toWireJson());
    return ((Number) r.get("id")).longValue();
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> job(long id) throws IOException {
    return (Map<String, Object>) http.get("/jobs/" + id);
  }

  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> jobs() throws IOException {
    return (List<Map<String, Object>>) ((Map<String, Object>) http.get("/jobs")).get("jobs");
  }

  public String state(long id) throws IOException {
    return (String) job(id).get("state");
  }

  @SuppressWarnings("unchecked")
  public boolean cancel(long id) throws IOException {
    return Boolean.TRUE.equals(((Map<String, Object>) http.post("/jobs/" + id + "/cancel", Map.of()))
        .get("cancelled"));
  }

  /** Copies the job's log from byte {@code offset}; with {@code follow}, until the job ends. */
  public long log(long id, long offset, boolean follow, OutputStream out) throws IOException {
    if (!follow) {
      return offset + http.stream("/jobs/" + id + "/log?offset=" + offset, out,
          LongPoll.READ_TIMEOUT_MILLIS);
    }
    return offset + LongPoll.follow(http, "/jobs/" + id + "/log?follow=true", offset, out,
        () -> JobState.valueOf(state(id)).terminal());
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> idle() throws IOException {
    return (Map<String, Object>) http.get("/idle");
  }

  @Override
  public void close() throws IOException {
    tunnel.close();
  }
}
