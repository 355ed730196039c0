package dev.sky4j.jobs;

import dev.sky4j.client.dto.ManagedJobLaunch;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.json.Json;
import dev.sky4j.engine.JobClusters;
import dev.sky4j.optimizer.Optimizer;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.Redactor;
import dev.sky4j.spec.JobRecovery;
import dev.sky4j.spec.Resources;
import dev.sky4j.spec.Task;
import dev.sky4j.state.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managed-jobs service: creates jobs, owns their controllers, and shares two small pools
 * among all of them (one timer thread, two poll threads, a launch pool for provisioning and
 * teardown), so a thousand waiting jobs cost memory for their rows, not threads. On start it
 * resumes every job that was not finished when the last server stopped.
 */
public final class ManagedJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedJobs.class);

  private final JobClusters driver;
  private final ManagedJobStore store;
  private final JobFiles files;
  private final Path buckets;
  private final JobsConfig config;
  private final ScheduledThreadPoolExecutor scheduler;
  private final ExecutorService workers;
  private final ExecutorService pollers;
  private final Map<Long, JobController> controllers = new ConcurrentHashMap<>();
  /** Per job: the validated task (for job_recovery and placement) and secret values. */
  private final Map<Long, Task> tasks = new ConcurrentHashMap<>();
  private final Map<Long, Map<String, String>> secrets = new ConcurrentHashMap<>();

  public ManagedJobs(JobClusters driver, Database db, Path sky4jHome, JobsConfig config) {
    this.driver = driver;
    this.store = new ManagedJobStore(db);
    this.files = new JobFiles(sky4jHome);
    this.buckets = sky4jHome.resolve("buckets");
    this.config = config;
    this.scheduler = new ScheduledThreadPoolExecutor(1, daemon("jobs-timer"));
    this.scheduler.setRemoveOnCancelPolicy(true);
    this.pollers = Executors.newFixedThreadPool(2, daemon("jobs-poll"));
    this.workers = Executors.newFixedThreadPool(config.launchThreads(), daemon("jobs-launch"));
    for (ManagedJobRow r : store.active()) {
      LOG.info("resuming managed job {} ({}) in state {}", r.id(), r.name(), r.status());
      start(r);
    }
  }

  // ---- API ---------------------------------------------------------------------------------

  /** Validates the task, records the job PENDING and starts its controller. */
  public ManagedJobRow launch(ManagedJobLaunch req, String owner) {
    if (req.task() == null) {
      throw ApiError.badRequest("missing-task", "sky jobs launch needs a task YAML or a command");
    }
    TaskInput input = dev.sky4j.engine.TaskSecrets.separate(req.task(), driver.catalog());
    Task task = driver.resolve(input);
    RecoveryStrategy strategy;
    try {
      strategy = RecoveryStrategy.parse(req.strategy() != null ? req.strategy()
          : task.resources().first().jobRecovery() == null ? null
              : task.resources().first().jobRecovery().strategy());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("bad-job-recovery", e.getMessage());
    }
    String name = req.name() != null && !req.name().isBlank() ? req.name()
        : task.name() != null ? task.name() : "sky-managed";
    long now = System.currentTimeMillis();
    ManagedJobRow draft = new ManagedJobRow(0, name, ManagedJobStatus.PENDING, strategy,
        Json.write(input.redacted()), describe(task), "", "", null, null, null, null, 0, 0, 0,
        null, false, 0, owner, now, null, null, "submitted; waiting for the controller");
    ManagedJobRow row = store.create(draft, id -> new String[] {clusterName(id, name),
        taskId(now, name, id)});
    if (!input.secrets().isEmpty()) {
      try {
        files.writeSecrets(row.id(), Json.write(input.secrets()));
      } catch (IOException e) {
        throw new ApiError(500, "secrets-unwritable", "cannot keep the task's secrets for "
            + "recovery in " + files.secrets(row.id()) + ": " + e.getMessage());
      }
      secrets.put(row.id(), input.secrets());
    }
    tasks.put(row.id(), task);
    controllerLog(row.id(), "Job " + row.id() + " (" + name + ") submitted with strategy "
        + strategy + "; cluster " + row.cluster() + ", SKYPILOT_TASK_ID " + row.taskId());
    start(row);
    return row;
  }

  public List<ManagedJobRow> list() {
    return store.list();
  }

  /** Where each job ran, per attempt, for every job in one query. */
  public Map<Long, List<String>> attempts() {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    for (ManagedJobRow r : store.list()) {
      out.put(r.id(), new ArrayList<>());
    }
    return store.runningInfras(out);
  }

  public ManagedJobRow get(long id) {
    return store.get(id).orElseThrow(() -> ApiError.notFound("no-such-job", "no managed job "
        + id + " (sky jobs queue lists them)"));
  }

  public List<JobEvent> events(long id) {
    get(id);
    return store.events(id);
  }

  /**
   * Requests cancellation of jobs by id, by name or all unfinished ones; returns the ids that
   * were still running. Cancellation itself is asynchronous (CANCELLING, then CANCELLED).
   */
  public List<Long> cancel(List<Long> ids, String name, boolean all) {
    List<ManagedJobRow> targets = new ArrayList<>();
    if (all) {
      targets.addAll(store.active());
    } else if (name != null && !name.isBlank()) {
      store.list().stream().filter(r -> r.name().equals(name)).forEach(targets::add);
      if (targets.isEmpty()) {
        throw ApiError.notFound("no-such-job", "no managed job named " + name
            + " (sky jobs queue lists them)");
      }
    } else if (!ids.isEmpty()) {
      for (long id : ids) {
        targets.add(get(id));
      }
    } else {
      throw ApiError.badRequest("no-jobs-given", "say which jobs to cancel: sky jobs cancel ID, "
          + "-n NAME, or --all");
    }
    List<Long> out = new ArrayList<>();
    for (ManagedJobRow r : targets) {
      if (r.status().terminal()) {
        continue;
      }
      store.save(store.get(r.id()).orElseThrow().withCancelRequested(), false);
      JobController c = controllers.get(r.id());
      if (c != null) {
        c.requestCancel();
      }
      out.add(r.id());
    }
    return out;
  }

  public Path jobLog(long id) {
    get(id);
    return files.jobLog(id);
  }

  public Path controllerLogFile(long id) {
    get(id);
    return files.controllerLog(id);
  }

  public boolean finished(long id) {
    return store.get(id).map(r -> r.status().terminal()).orElse(true);
  }

  /** Nanoseconds from the job's last noticed preemption to RUNNING again (-1: none yet). */
  public long lastRecoveryNanos(long id) {
    JobController c = controllers.get(id);
    return c == null ? -1 : c.lastRecoveryNanos();
  }

  public int liveControllers() {
    return controllers.size();
  }

  /** Stops every controller without touching their state, like a server that is killed. */
  @Override
  public void close() {
    controllers.values().forEach(JobController::stop);
    scheduler.shutdownNow();
    pollers.shutdownNow();
    workers.shutdownNow();
  }

  // ---- for controllers ---------------------------------------------------------------------

  JobClusters driver() {
    return driver;
  }

  ManagedJobStore store() {
    return store;
  }

  JobFiles files() {
    return files;
  }

  JobsConfig config() {
    return config;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  ExecutorService workers() {
    return workers;
  }

  ExecutorService pollers() {
    return pollers;
  }

  void ended(JobController c) {
    controllers.remove(c.row().id());
    tasks.remove(c.row().id());
    secrets.remove(c.row().id());
    files.deleteSecrets(c.row().id());
  }

  /**
   * The task to launch: as submitted, secrets restored from the job's 0600 file (the row holds
   * only their names), storage mounts made local.
   *
   * @throws IOException when that file is gone, rather than launching with placeholders
   */
  TaskInput input(ManagedJobRow r) throws IOException {
    TaskInput stored = Json.read(r.task(), TaskInput.class);
    Map<String, String> s = secrets(r.id());
    if (!s.keySet().containsAll(stored.secrets().keySet())) {
      secrets.remove(r.id()); // read the file again next time: it may be restored
      throw new IOException("the secret values of managed job " + r.id() + " are gone ("
          + files.secrets(r.id()) + " is missing or unreadable); cancel the job and launch it "
          + "again with its secrets");
    }
    TaskInput in = new TaskInput(stored.yaml(), stored.yamlPath(), stored.baseDir(),
        stored.command(), stored.overrides(), stored.envs(), s);
    boolean localOnly = driver.hostBuckets(task(r).resources().first().cloud());
    return localOnly ? StorageMounts.apply(in, buckets) : in;
  }

  Task task(ManagedJobRow r) {
    return tasks.computeIfAbsent(r.id(), id -> {
      TaskInput stored = Json.read(r.task(), TaskInput.class);
      return driver.resolve(new TaskInput(stored.yaml(), stored.yamlPath(), stored.baseDir(),
          stored.command(), stored.overrides(), stored.envs(), secrets(r.id())));
    });
  }

  JobRecovery recovery(ManagedJobRow r) {
    JobRecovery jr = task(r).resources().first().jobRecovery();
    return jr == null ? JobRecovery.DEFAULT : jr;
  }

  RecoveryStrategy.Placement placement(ManagedJobRow r, int attempt) {
    String cloud = null;
    String region = null;
    if (r.lostRegion() != null) {
      int slash = r.lostRegion().indexOf('/');
      cloud = r.lostRegion().substring(0, slash);
      region = r.lostRegion().substring(slash + 1);
    }
    Resources res = task(r).resources().first();
    return r.strategy().next(attempt, cloud, region, res.region() != null,
        config.pinnedAttempts());
  }

  /** Why the first launch can never work (nothing in the catalog fits), or null. */
  String precheck(ManagedJobRow r) {
    if (r.recoveries() + r.restarts() > 0 || r.launchAttempts() > 1) {
      return null;
    }
    Task t = task(r);
    var result = new Optimizer(driver.catalog()).optimize(t.resources(), t.numNodes(), Set.of(),
        driver.enabledClouds());
    return result.isEmpty() ? "no launchable resources: " + result.emptyReason()
        + " (sky show-gpus lists what exists)" : null;
  }

  String redact(long id, String text) {
    Map<String, String> s = secrets(id);
    return s.isEmpty() ? text : new Redactor(s.values()).apply(text);
  }

  void controllerLog(long id, String line) {
    try {
      Files.createDirectories(files.dir(id));
      Files.writeString(files.controllerLog(id), Instant.now() + " " + redact(id, line) + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.warn("cannot write the controller log of job {}: {}", id, e.getMessage());
    }
  }

  // ---- internals ---------------------------------------------------------------------------

  private void start(ManagedJobRow r) {
    JobController c = new JobController(this, r);
    controllers.put(r.id(), c);
    c.resume();
  }

  private Map<String, String> secrets(long id) {
    return secrets.computeIfAbsent(id, k -> {
      try {
        String json = files.readSecrets(k);
        if (json == null) {
          return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>();
        if (Json.parse(json) instanceof Map<?, ?> parsed) {
          parsed.forEach((a, b) -> m.put(String.valueOf(a), String.valueOf(b)));
        }
        return m;
      } catch (IOException e) {
        return Map.of();
      }
    });
  }

  /** {@code sky-managed-<id>-<name>}: what the local cloud and SkyPilot's rules both accept. */
  static String clusterName(long id, String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    String base = "sky-managed-" + id + (n.isEmpty() ? "" : "-" + n);
    return base.length() > 63 ? base.substring(0, 63).replaceAll("-+$", "") : base;
  }

  /** SkyPilot's managed {@code SKYPILOT_TASK_ID}: {@code sky-managed-<ts>_<name>_<id>}. */
  static String taskId(long submittedMillis, String name, long id) {
    String ts = new java.text.SimpleDateFormat("yyyy-MM-dd-HH-mm-ss-SSS000")
        .format(new java.util.Date(submittedMillis));
    return "sky-managed-" + ts + "_" + name + "_" + id;
  }

  private static String describe(Task t) {
    Resources r = t.resources().first();
    StringBuilder sb = new StringBuilder();
    sb.append(t.numNodes()).append("x[");
    // several candidates ({A100:8, H100:4}, any_of): the job may run on any of them
    List<String> accs = t.resources().candidates().stream()
        .map(c -> c.accelerator() != null ? c.accelerator().toString() : "CPU").distinct().toList();
    sb.append(accs.size() == 1 ? accs.get(0) : "{" + String.join(", ", accs) + "}");
    sb.append(r.useSpot() ? ", spot" : "").append(']');
    return sb.toString();
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return run -> {
      Thread t = new Thread(run, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  Optional<JobController> controller(long id) {
    return Optional.ofNullable(controllers.get(id));
  }
}
