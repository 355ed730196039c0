package dev.sky4j.agent.jobs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of the head's job table. State changes go through {@link JobQueue}. */
public final class Job {
  private final long id;
  private final JobSpec spec;
  private final long submittedAt;
  private final Path log;
  private volatile JobState state = JobState.INIT;
  private volatile long startedAt;
  private volatile long endedAt;
  private volatile String message = "";
  /** The run's exit code (setup's when setup failed); null until known, or when cancelled. */
  private volatile Integer exitCode;
  private volatile boolean cancelRequested;
  private volatile boolean scheduled;

  Job(long id, JobSpec spec, Path log) {
    this.id = id;
    this.spec = spec;
    this.log = log;
    this.submittedAt = System.currentTimeMillis();
  }

  public long id() {
    return id;
  }

  public JobSpec spec() {
    return spec;
  }

  public JobState state() {
    return state;
  }

  public Path log() {
    return log;
  }

  public String message() {
    return message;
  }

  public Integer exitCode() {
    return exitCode;
  }

  void exitCode(int code) {
    exitCode = code;
  }

  boolean cancelRequested() {
    return cancelRequested;
  }

  boolean scheduled() {
    return scheduled;
  }

  void markScheduled() {
    scheduled = true;
  }

  void requestCancel() {
    cancelRequested = true;
  }

  void set(JobState s, String msg) {
    if (s == JobState.SETTING_UP || (s == JobState.RUNNING && startedAt == 0)) {
      startedAt = System.currentTimeMillis();
    }
    if (s.terminal()) {
      endedAt = System.currentTimeMillis();
    }
    state = s;
    if (msg != null) {
      message = msg;
    }
  }

  /** The job as the API shows it: no secret values. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("state", state.name());
    m.put("message", message);
    m.put("submittedAt", submittedAt);
    m.put("startedAt", startedAt);
    m.put("endedAt", endedAt);
    m.put("exitCode", exitCode);
    m.put("spec", spec.toJson());
    return m;
  }
}
