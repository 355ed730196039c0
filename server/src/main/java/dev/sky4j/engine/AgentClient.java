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
}
