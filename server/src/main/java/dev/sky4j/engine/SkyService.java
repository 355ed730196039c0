package dev.sky4j.engine;

import dev.sky4j.client.dto.AutostopRequest;
import dev.sky4j.client.dto.CancelRequest;
import dev.sky4j.client.dto.CheckEntry;
import dev.sky4j.client.dto.ClusterAction;
import dev.sky4j.client.dto.ClusterRecord;
import dev.sky4j.client.dto.CostEntry;
import dev.sky4j.client.dto.DiagnosticDto;
import dev.sky4j.client.dto.ExecRequest;
import dev.sky4j.client.dto.HookLog;
import dev.sky4j.client.dto.JobRecord;
import dev.sky4j.client.dto.LocalPreemptRequest;
import dev.sky4j.client.dto.LaunchRequest;
import dev.sky4j.client.dto.OptimizeResponse;
import dev.sky4j.client.dto.Problem;
import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.client.dto.ValidateResult;
import dev.sky4j.json.Json;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.provision.Capability;
import dev.sky4j.provision.Provider;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.requests.RequestExecutor;
import dev.sky4j.requests.RequestExecutor.Kind;
import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Names;
import dev.sky4j.spec.Task;
import dev.sky4j.spec.WaitFor;
import dev.sky4j.state.ClusterRow;
import dev.sky4j.state.ClusterStore;
import dev.sky4j.state.Database;
import dev.sky4j.state.JobStore;
import dev.sky4j.state.RequestRow;
import dev.sky4j.state.RequestStore;
import dev.sky4j.client.dto.StorageDelete;
import dev.sky4j.client.dto.StorageEntry;
import dev.sky4j.storage.StorageListing;
import dev.sky4j.state.StorageStore;
import dev.sky4j.storage.Buckets;
import dev.sky4j.storage.StoreRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the API can ask for, in one place. Quick reads answer directly; anything that
 * touches nodes for long is a request (id at once, log and result later).
 */
public final class SkyService implements AutoCloseable {
  private final Path home;
  private final ClusterStore clusters;
  private final RequestStore requests;
  private final RequestExecutor executor;
  private final Providers providers;
  private final LaunchEngine engine;
  private final ClusterOps ops;
  private final Jobs jobs;
  private final StatusView view;
  private final JobClusters jobClusters;
  private final TeardownHooks hooks;
  private final Buckets buckets;
  private final String user = System.getProperty("user.name");
  private volatile Runnable shutdownHook = () -> {};

  public SkyService(Path home, Database db, Providers providers, ClusterAccess access) {
    this.home = home;
    this.clusters = new ClusterStore(db);
    this.requests = new RequestStore(db);
    this.providers = providers;
    JobStore jobStore = new JobStore(db);
    this.executor = new RequestExecutor(requests, home.resolve("server").resolve("requests"));
    ClusterLocks locks = new ClusterLocks();
    this.jobs = new Jobs(providers, access, jobStore);
    this.hooks = new TeardownHooks(access, home.resolve("logs").resolve("hooks"));
    this.buckets = new Buckets(StoreRegistry.load(), new StorageStore(db),
        home.resolve("server").resolve("storage-scratch"));
    this.engine = new LaunchEngine(providers, clusters, access, jobs, locks, hooks, buckets);
    this.ops = new ClusterOps(providers, clusters, jobStore, access, jobs, locks, hooks, buckets);
    this.view = new StatusView(clusters, providers, new StatusView.Released() {
      @Override
      public void stopped(String cluster) {
        jobs.forget(cluster);
        access.removeSshConfig(cluster);
      }

      @Override
      public void gone(String cluster) {
        stopped(cluster);
        jobStore.deleteCluster(cluster);
      }
    });
    this.jobClusters = new JobClusters(providers, clusters, access, engine, ops, jobs);
    Reconciler.run(clusters, requests, providers, view, access);
  }

  public Path home() {
    return home;
  }

  /** The engine as managed-job controllers use it (dev.sky4j.jobs). */
  public JobClusters jobClusters() {
    return jobClusters;
  }

  /** The buckets this server knows ({@code sky storage}). */
  public Buckets buckets() {
    return buckets;
  }

  public void onShutdown(Runnable r) {
    shutdownHook = r;
  }

  public void requestShutdown() {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(100); // let the 202 reach the client first
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
      shutdownHook.run();
    }, "shutdown");
    t.start();
  }

  // ---- long operations -------------------------------------------------------------------

  public String launch(LaunchRequest asked) {
    String name = asked.cluster() == null || asked.cluster().isBlank()
        ? ClusterNames.generate(user) : ClusterNames.check(asked.cluster());
    if (asked.task() == null) {
      throw ApiError.badRequest("missing-task", "launch needs a task: a YAML file or a command");
    }
    Autostops.waitFor(asked.waitFor()); // a bad --wait-for fails here, before anything is launched
    TaskInput task = TaskSecrets.separate(asked.task(), providers.catalog());
    LaunchRequest req = new LaunchRequest(name, task, asked.idleMinutes(), asked.down(),
        asked.retryUntilUp(), asked.noSetup(), asked.detachRun(), asked.waitFor());
    LaunchRequest stored = new LaunchRequest(name, task.redacted(), req.idleMinutes(), req.down(),
        req.retryUntilUp(), req.noSetup(), req.detachRun(), req.waitFor());
    return executor.submit("launch", name, stored, task.secrets().values(), Kind.LONG,
        ctx -> engine.launch(req, name, user, ctx));
  }

  public String exec(ExecRequest asked) {
    if (asked.task() == null) {
      throw ApiError.badRequest("missing-task", "exec needs a task: a YAML file or a command");
    }
    ClusterNames.check(asked.cluster());
    ExecRequest req = new ExecRequest(asked.cluster(),
        TaskSecrets.separate(asked.task(), providers.catalog()), asked.detachRun());
    ExecRequest stored = new ExecRequest(req.cluster(), req.task().redacted(), req.detachRun());
    return executor.submit("exec", req.cluster(), stored, req.task().secrets().values(), Kind.LONG,
        ctx -> engine.exec(req, ctx));
  }

  public String stop(ClusterAction a) {
    List<String> names = targets(a);
    return eachCluster("stop", names, a, Kind.SHORT, ops::stop);
  }

  public String start(ClusterAction a) {
    List<String> names = targets(a);
    return eachCluster("start", names, a, Kind.LONG,
        (n, ctx) -> ops.start(n, a.idleMinutes(), a.down(), ctx));
  }

  public String down(ClusterAction a) {
    List<String> names = targets(a);
    return eachCluster("down", names, a, Kind.SHORT, ops::down);
  }

  /** {@code sky autostop}: without {@code -i} SkyPilot's default of 5 minutes; cancel turns it off. */
  public String autostop(AutostopRequest a) {
    List<String> names = targets(new ClusterAction(a.clusters(), a.all(), null, false, false));
    WaitFor waitFor = Autostops.waitFor(a.waitFor());
    Integer minutes = a.cancel() ? null
        : a.idleMinutes() == null ? AutostopRequest.DEFAULT_IDLE_MINUTES : a.idleMinutes();
    if (minutes != null && minutes < 0) {
      throw ApiError.badRequest("bad-idle-minutes", "-i must be 0 or more minutes, found "
          + minutes + "; use --cancel to turn autostop off");
    }
    return eachCluster("autostop", names, a, Kind.SHORT,
        (n, ctx) -> ops.autostop(n, minutes, a.down(), waitFor, ctx));
  }

  /** What a cluster verb does to one cluster, inside the request. */
  @FunctionalInterface
  private interface ClusterStep {
    void apply(String cluster, RequestContext ctx) throws Exception;
  }

  /** One request that applies {@code step} to the named clusters in turn; its result is the names. */
  private String eachCluster(String verb, List<String> names, Object body, Kind kind,
      ClusterStep step) {
    return executor.submit(verb, String.join(",", names), body, List.of(), kind, ctx -> {
      for (String n : names) {
        step.apply(n, ctx);
      }
      return names;
    });
  }

  /** {@code sky local preempt}: kills a local spot node as a cloud reclaiming it would. */
  public java.util.Map<String, Object> localPreempt(LocalPreemptRequest p) {
    ClusterRow row = ops.require(p.cluster());
    Provider local = providers.get(row.cloud());
    if (!local.capabilities().contains(Capability.PREEMPT_ON_DEMAND)) {
      throw ApiError.badRequest("not-local", "cluster " + p.cluster() + " runs on " + row.cloud()
          + "; sky local preempt only reclaims local-cloud nodes");
    }
    try {
      local.preempt(p.cluster(), p.node());
    } catch (ProvisionException e) {
      throw ApiError.badRequest("cannot-preempt", e.getMessage());
    }
    jobs.forget(p.cluster());
    return java.util.Map.of("cluster", p.cluster(), "node", p.node() == null ? 0 : p.node());
  }

  public String cancel(CancelRequest c) {
    ClusterRow row = ops.require(c.cluster());
    if (c.jobIds().isEmpty() && !c.all()) {
      throw ApiError.badRequest("no-jobs-given", "say which jobs to cancel: sky cancel "
          + c.cluster() + " JOB_ID ..., or --all");
    }
    return executor.submit("cancel", c.cluster(), c, List.of(), Kind.SHORT, ctx -> {
      List<Integer> ids = new ArrayList<>(c.jobIds());
      if (c.all()) {
        for (JobRecord j : jobs.queue(row, true)) {
          ids.add(j.id());
        }
      }
      List<Integer> done = new ArrayList<>();
      for (int id : ids) {
        if (jobs.cancel(row, id)) {
          ctx.log().stage("Cancelled job " + id + " on " + c.cluster());
          done.add(id);
        } else {
          ctx.log().stage("Job " + id + " on " + c.cluster() + " had already finished");
        }
      }
      return done;
    });
  }

  private List<String> targets(ClusterAction a) {
    if (a.all()) {
      return clusters.list().stream().map(ClusterRow::name).toList();
    }
    if (a.clusters().isEmpty()) {
      throw ApiError.badRequest("no-clusters-given", "name the clusters (or pass --all)");
    }
    for (String n : a.clusters()) {
      ops.require(n);
    }
    return a.clusters();
  }

  // ---- quick reads -------------------------------------------------------------------------

  public List<ClusterRecord> status(List<String> names, boolean refresh) {
    return view.status(names, refresh);
  }

  public List<JobRecord> queue(String cluster, boolean skipFinished) throws IOException {
    return jobs.queue(ops.require(cluster), skipFinished);
  }

  public void streamJobLogs(String cluster, Integer jobId, boolean follow, long offset,
      LogSink sink) {
    try {
      jobs.stream(ops.require(cluster), jobId, follow, offset, sink);
    } catch (ApiError e) {
      sink.problem(e.problem());
    } catch (IOException e) {
      sink.problem(Problem.of(502, "agent-unreachable", "cannot read the log from " + cluster
          + "'s head node: " + e.getMessage() + "; run sky status -r " + cluster));
    }
  }

  /**
   * {@code sky logs CLUSTER --hook EVENT}: what the server saved of a user's stop/down hooks. Read
   * by name, not from the cluster's row, since a downed cluster's hook output outlives it.
   */
  public HookLog hookLog(String cluster, String event) throws IOException {
    if (!TeardownHooks.EVENTS.contains(event)) {
      throw ApiError.badRequest("bad-hook-event", "'" + event + "' is not a hook event: use "
          + String.join(", ", TeardownHooks.EVENTS));
    }
    if (!Names.isValidClusterName(cluster)) {
      throw ApiError.badRequest("bad-cluster-name", Names.clusterNameProblem(cluster));
    }
    String out = hooks.saved(cluster, event).orElseThrow(() -> ApiError.notFound("no-hook-log",
        "no saved " + event + " hook output for " + cluster + ": " + switch (event) {
          case "stop" -> "this server saves it when `sky stop " + cluster + "` runs the task's "
              + "stop hooks; autostop's went to ~/sky_logs/hooks/stop.log on the head (ssh "
              + cluster + " cat sky_logs/hooks/stop.log)";
          case "down" -> "this server saves it when `sky down " + cluster + "` runs the task's "
              + "down hooks; autodown's went with the head's disk";
          default -> "preemption hooks run on the node being reclaimed: its "
              + "~/sky_logs/hooks/preemption.log, while that node exists";
        }));
    return new HookLog(cluster, event, hooks.logFile(cluster, event).toString(), out);
  }

  public List<CheckEntry> check() {
    return providers.check().stream()
        .map(r -> new CheckEntry(r.cloud(), r.enabled(), r.reason())).toList();
  }

  public ValidateResult validate(TaskInput in) {
    String file = in.yamlPath() == null ? "<request>" : in.yamlPath();
    String text = in.yaml() == null ? "" : in.yaml();
    Validation.Loaded l = Validation.load(text, file, providers.catalog());
    List<DiagnosticDto> dtos = new ArrayList<>();
    for (Diagnostic d : l.diagnostics()) {
      dtos.add(new DiagnosticDto(d.severity().name(), d.code(), d.message(), file,
          d.range().startLine(), d.range().startColumn(), d.range().endLine(),
          d.range().endColumn(), d.jsonPath()));
    }
    boolean valid = l.diagnostics().stream().noneMatch(Diagnostic::isError);
    return new ValidateResult(valid, dtos, Validation.render(l.diagnostics(), text, file));
  }

  /** The plans a launch of {@code in} would try, as {@code sky launch --dryrun} shows them. */
  public OptimizeResponse optimize(TaskInput in, int perCandidate) {
    return new DryRunPlans(providers, buckets).optimize(in, perCandidate);
  }

  public List<CostEntry> costReport() {
    return view.costReport();
  }

  /** {@code sky storage ls}: the buckets this server created or mounted, with their sizes. */
  public List<StorageEntry> storage() {
    return StorageListing.entries(buckets);
  }

  /** {@code sky storage delete}: deletes buckets (objects and all) and forgets them. */
  public String deleteStorage(StorageDelete d) {
    List<String> names = StorageListing.names(buckets, d);
    return executor.submit("storage-delete", null, d, List.of(), Kind.SHORT, ctx -> {
      for (String n : names) {
        buckets.delete(n, ctx.log());
      }
      return names;
    });
  }

  // ---- requests ----------------------------------------------------------------------------

  public RequestInfo request(String idOrPrefix) {
    RequestRow r = requests.get(idOrPrefix).orElseGet(() -> requests.list(1000).stream()
        .filter(x -> x.id().startsWith(idOrPrefix)).findFirst()
        .orElseThrow(() -> ApiError.notFound("no-such-request", "no request " + idOrPrefix
            + " (sky api status lists recent requests)")));
    return info(r);
  }

  public List<RequestInfo> requests(int limit) {
    return requests.list(limit).stream().map(SkyService::info).toList();
  }

  public void cancelRequest(String id) {
    executor.cancel(request(id).id());
  }

  public Path requestLog(String id) {
    return executor.logFile(id);
  }

  private static RequestInfo info(RequestRow r) {
    Object result = r.result() == null ? null : Json.parse(r.result());
    Problem error = r.error() == null ? null : Json.read(r.error(), Problem.class);
    return new RequestInfo(r.id(), r.name(), r.cluster(), r.status().name(), r.createdAt(),
        r.finishedAt(), result, error);
  }

  @Override
  public void close() {
    executor.close();
  }
}
