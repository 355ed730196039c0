package dev.sky4j.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** The head node agent's control API, as the engine uses it (over an SSH tunnel). */
public interface AgentClient {
  /** Submits a job (wire form of the agent's JobSpec, secrets included) and returns its id. */
  int submit(Map<String, Object> wireSpec) throws IOException;

  /** The job table, as the agent reports it (no secret values). */
  List<Map<String, Object>> jobs() throws IOException;

  Map<String, Object> job(int id) throws IOException;

  boolean cancel(int id) throws IOException;

  /** Copies the job's log from {@code offset}; with {@code follow} until the job ends. */
  long log(int id, long offset, boolean follow, OutputStream out) throws IOException;

  /**
   * Sets autostop on the head ({@code idleSeconds}, {@code down}, {@code waitFor}; negative
   * seconds cancel) and returns the agent's view of it.
   */
  Map<String, Object> setAutostop(Map<String, Object> setting) throws IOException;

  /** The head's autostop state: setting, seconds left, whether it is stopping right now. */
  Map<String, Object> autostop() throws IOException;

  /**
   * Shows mounts (wire form of the agent's {@code Mount}) at their paths on every node; answers
   * {@code fs} ({@code private} or {@code shared: why}), {@code paths} (destination to the path
   * the task sees) and {@code nodes}.
   */
  Map<String, Object> mount(List<Map<String, Object>> mounts) throws IOException;

  /** Stores the task's {@code config.hooks} on the head (wire form: run, events, timeoutSeconds). */
  void setHooks(List<Map<String, Object>> hooks) throws IOException;

  /**
   * Claims the head's one teardown for {@code event} (stop or down) and runs that event's hooks;
   * answers {@code claimed}, {@code claimedBy}, {@code outcomes} and the hooks' {@code output}.
   */
  Map<String, Object> teardown(String event) throws IOException;
}
