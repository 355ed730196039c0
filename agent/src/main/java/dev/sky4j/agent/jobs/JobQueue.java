package dev.sky4j.agent.jobs;

import dev.sky4j.agent.NodeConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The head's job table and strict-FIFO scheduler: the oldest pending job starts as soon as its
 * GPU/CPU slots are free, and nothing overtakes it (as SkyPilot's FIFO scheduler). A job that
 * could never fit this cluster fails at once with a message instead of waiting forever.
 */
public final class JobQueue {
  private final NodeConfig cluster;
  private final Path logsDir;
  private final SlotPool pool;
  private final RankLauncher launcher;
  private final List<Job> jobs = new ArrayList<>();
  private final Map<Long, JobRunner> running = new ConcurrentHashMap<>();
  private long nextId = 1;
  private volatile long lastActivity = System.currentTimeMillis();
  private volatile long lastSubmit;

  public JobQueue(NodeConfig cluster, Path home, RankLauncher launcher) {
    this.cluster = cluster;
    this.logsDir = home.resolve("sky_logs");
    this.pool = new SlotPool(Math.max(1, cluster.peers().size()), cluster.gpuDevices().size(),
        cluster.cpus());
    this.launcher = launcher;
    this.nextId = firstFreeId(logsDir);
  }

  /**
   * After a stop/start the node keeps its disk, and with it the logs of the jobs before: ids go
   * on from there, so a new job never shows (or appends to) an old job's log.
   */
  private static long firstFreeId(Path logsDir) {
    try (var dirs = java.nio.file.Files.list(logsDir)) {
      return 1 + dirs.map(d -> d.getFileName().toString())
          .filter(n -> !n.isEmpty() && n.chars().allMatch(Character::isDigit))
          .mapToLong(Long::parseLong).max().orElse(0);
    } catch (java.io.IOException e) {
      return 1; // no logs yet: a fresh node
    }
  }

  public synchronized Job submit(JobSpec spec) {
    long id = nextId++;
    Job job = new Job(id, spec, logsDir.resolve(Long.toString(id)).resolve("run.log"));
    jobs.add(job);
    touch();
    lastSubmit = lastActivity;
    if (!pool.couldEverFit(spec.numNodes(), spec.gpusPerNode())) {
      job.set(JobState.FAILED, "the job needs " + spec.numNodes() + " node(s) with "
          + spec.gpusPerNode() + " GPU(s) each; this cluster has " + pool.nodes()
          + " node(s) with " + pool.gpusPerNode() + " GPU(s) each: launch a bigger cluster");
      return job;
    }
    job.set(JobState.PENDING, null);
    schedule();
    return job;
  }

  public synchronized List<Job> list() {
    return List.copyOf(jobs);
  }

  public synchronized Job get(long id) {
    return jobs.stream().filter(j -> j.id() == id).findFirst().orElse(null);
  }

  /** Cancels a pending or running job; false if it is unknown or already finished. */
  public boolean cancel(long id) {
    JobRunner runner;
    synchronized (this) {
      Job job = get(id);
      if (job == null || job.state().terminal()) {
        return false;
      }
      job.requestCancel();
      runner = running.get(id);
      if (runner == null) {
        job.set(JobState.CANCELLED, "cancelled before it started");
        touch();
        schedule();
        return true;
      }
    }
    runner.cancel();
    return true;
  }

  public synchronized int liveJobs() {
    return (int) jobs.stream().filter(j -> !j.state().terminal()).count();
  }

  public long lastActivityMillis() {
    return liveJobs() > 0 ? System.currentTimeMillis() : lastActivity;
  }

  /** When the last job was submitted (0 if none yet): a submission restarts the autostop timer. */
  public long lastSubmitMillis() {
    return lastSubmit;
  }

  synchronized void transition(Job job, JobState state, String message) {
    job.set(state, message);
    touch();
  }

  synchronized void finished(Job job, SlotPool.Allocation alloc) {
    running.remove(job.id());
    pool.release(alloc);
    touch();
    schedule();
  }

  private void touch() {
    lastActivity = System.currentTimeMillis();
  }

  /** Starts pending jobs in order while the oldest one fits. Called with the lock held. */
  private void schedule() {
    for (Job job : jobs) {
      if (job.state() != JobState.PENDING || job.scheduled()) {
        continue;
      }
      JobSpec s = job.spec();
      SlotPool.Allocation a = pool.tryAllocate(s.numNodes(), s.gpusPerNode(), s.cpusPerNode());
      if (a == null) {
        return; // strict FIFO: nothing overtakes the oldest pending job
      }
      List<String> ips = a.nodes().stream().map(n -> ipOf(cluster.peers().get(n))).toList();
      JobRunner runner = new JobRunner(job, a, cluster, ips, launcher, this);
      running.put(job.id(), runner);
      job.markScheduled();
      Thread t = new Thread(runner::run, "job-" + job.id());
      t.setDaemon(true);
      t.start();
    }
  }

  static String ipOf(String peer) {
    return peer.substring(0, peer.lastIndexOf(':'));
  }
}
