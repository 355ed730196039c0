package dev.sky4j.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sky4j.agent.autostop.AutostopConfig;
import dev.sky4j.agent.autostop.Autostopper;
import dev.sky4j.agent.autostop.LifecycleHook;
import dev.sky4j.agent.autostop.Teardown;
import dev.sky4j.agent.jobs.Job;
import dev.sky4j.agent.jobs.JobQueue;
import dev.sky4j.agent.jobs.JobSpec;
import dev.sky4j.agent.jobs.LogFollower;
import dev.sky4j.agent.jobs.RankProcess;
import dev.sky4j.agent.jobs.RankRegistry;
import dev.sky4j.agent.jobs.StreamRedactor;
import dev.sky4j.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The agent's control API, bound to the node's own loopback address only. Routes:
 * <pre>
 * GET  /health                       node identity
 * GET  /idle[?scope=node]            live jobs, user SSH sessions/channels, last activity: on
 *                                    the head for the whole cluster (workers asked), else this node
 * GET  /autostop                     the autostop setting, time left, whether it is stopping now
 * POST /autostop                     {idleSeconds|idleMinutes (negative cancels), down, waitFor}
 * POST /hooks[?scope=node]           {hooks:[{run, events, timeoutSeconds}]}; the head also
 *                                    hands them to its workers unless scope=node
 * POST /teardown                     {event: stop|down}: claim the node's one teardown and run
 *                                    that event's hooks (a user's sky stop / sky down); answers
 *                                    claimed, claimedBy, outcomes, output
 * POST /preemption-notice            {windowMillis}: the cloud is about to reclaim this node;
 *                                    run the preemption hooks within the window, then answer
 * POST /jobs                         submit a JobSpec (head only) -> {"id":N}; 409 once
 *                                    autostop has fired
 * GET  /jobs, /jobs/N                the job table (no secret values)
 * POST /jobs/N/cancel                cancel, killing the whole process tree on every rank
 * GET  /jobs/N/log?offset=B&amp;follow=true[&amp;idleMillis=I]   the combined log from byte B,
 *                                    following until done (or, long poll, until I ms pass
 *                                    without output: the reader asks again from its offset)
 * POST /rank/start, GET /rank/wait|log?key=K, POST /rank/kill?key=K   head -> worker fan-out
 *                                    (log takes offset and idleMillis, wait takes millis)
 * POST /shutdown                     VM mode only: power this machine off (the head's autostop
 *                                    on its workers); the cloud stops or terminates it
 * POST /mounts                       {mounts:[{destination, source, mode: BIND|COPY}]}: show them
 *                                    at those paths on this node (the head also on its workers
 *                                    unless scope=node); answers fs and each mount's path
 * </pre>
 * Every route, {@code /health} included, needs the cluster's {@link AgentSecret} ({@code
 * Authorization: Bearer ...}, else 401), and a request from a browser ({@code Origin} header) is
 * refused (403) whatever it carries: no web page drives a node.
 */
public final class AgentHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final JobQueue queue;
  private final RankRegistry ranks;
  private final Supplier<Map<String, Object>> health;
  private final Function<Boolean, Map<String, Object>> idle;
  private final Autostopper autostop;
  private final Teardown teardown;
  private final AgentSecret secret;
  private volatile MountRoute mounts = MountRoute.NONE;
  private volatile Runnable shutdown;

  /** {@code idle} answers for the cluster ({@code true}) or this node only. */
  public AgentHttpServer(String bind, int port, JobQueue queue, RankRegistry ranks,
      Supplier<Map<String, Object>> health, Function<Boolean, Map<String, Object>> idle,
      Autostopper autostop, Teardown teardown, AgentSecret secret) throws IOException {
    this.secret = java.util.Objects.requireNonNull(secret, "the cluster's agent secret");
    this.queue = queue;
    this.ranks = ranks;
    this.health = health;
    this.idle = idle;
    this.autostop = autostop;
    this.teardown = teardown;
    server = HttpServer.create(new InetSocketAddress(bind, port), 16);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "agent-http");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serves {@code POST /mounts} (set once at start, before the node says it is ready). */
  public void serveMounts(MountRoute route) {
    this.mounts = route;
  }

  /** Serves {@code POST /shutdown} (VM mode: the head powering its workers off); 404 without. */
  public void serveShutdown(Runnable powerOff) {
    this.shutdown = powerOff;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      if (ex.getRequestHeaders().containsKey("Origin")) {
        reply(ex, 403, Map.of("error", "the sky4j agent does not answer browsers (the request "
            + "has an Origin header)"));
        return;
      }
      if (!secret.accepts(ex.getRequestHeaders().getFirst("Authorization"))) {
        reply(ex, 401, Map.of("error", "this sky4j agent answers only calls that carry its "
            + "cluster's secret (the sky4j server and the head node hold it)"));
        return;
      }
      route(ex);
    } catch (IllegalArgumentException e) {
      reply(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
    } catch (IllegalStateException e) {
      reply(ex, 409, Map.of("error", String.valueOf(e.getMessage())));
    } catch (Exception e) {
      reply(ex, 500, Map.of("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
    } finally {
      ex.close();
    }
  }

  private void route(HttpExchange ex) throws Exception {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    List<String> parts = List.of(path.replaceAll("^/+|/+$", "").split("/"));
    switch (parts.get(0)) {
      case "health" -> reply(ex, 200, health.get());
      case "idle" -> reply(ex, 200, idle.apply(!"node".equals(q.get("scope"))));
      case "autostop" -> autostop(ex, method);
      case "hooks" -> hooks(ex, method, "node".equals(q.get("scope")));
      case "teardown" -> teardown(ex, method);
      case "preemption-notice" -> preemptionNotice(ex, method);
      case "jobs" -> jobs(ex, method, parts, q);
      case "rank" -> rank(ex, method, parts.size() > 1 ? parts.get(1) : "", q);
      case "mounts" -> reply(ex, 200, mounts.handle(method, body(ex), "node".equals(q.get("scope"))));
      case "shutdown" -> {
        if (shutdown == null || !method.equals("POST")) {
          reply(ex, 404, Map.of("error", "this node powers off only on a VM (POST /shutdown)"));
        } else {
          reply(ex, 200, Map.of("shuttingDown", true));
          shutdown.run(); // after the answer: the caller must not wait on a machine going down
        }
      }
      default -> reply(ex, 404, Map.of("error", "no route " + path));
    }
  }

  private void jobs(HttpExchange ex, String method, List<String> parts, Map<String, String> q)
      throws IOException {
    if (parts.size() == 1 && method.equals("POST")) {
      JobSpec spec = JobSpec.fromJson(Json.parseObject(body(ex)));
      Job job = autostop.admit(() -> queue.submit(spec));
      reply(ex, 200, Map.of("id", job.id(), "state", job.state().name()));
      return;
    }
    if (parts.size() == 1) {
      reply(ex, 200, Map.of("jobs", queue.list().stream().map(Job::toJson).toList()));
      return;
    }
    Job job = queue.get(Long.parseLong(parts.get(1)));
    if (job == null) {
      reply(ex, 404, Map.of("error", "no job " + parts.get(1) + " on this cluster"));
      return;
    }
    String action = parts.size() > 2 ? parts.get(2) : "";
    switch (action) {
      case "" -> reply(ex, 200, job.toJson());
      case "cancel" -> reply(ex, 200, Map.of("cancelled", queue.cancel(job.id())));
      case "log" -> {
        long offset = Long.parseLong(q.getOrDefault("offset", "0"));
        boolean follow = Boolean.parseBoolean(q.getOrDefault("follow", "false"));
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream body = ex.getResponseBody()) {
          // secret values never leave the node in a log, even split across two reads
          StreamRedactor.Out out = new StreamRedactor(job.spec().secrets().values()).wrap(body);
          boolean[] ended = {false};
          LogFollower.follow(job.log(), offset, () -> {
            ended[0] |= job.state().terminal(); // read to the end after this: nothing follows
            return !follow || ended[0];
          }, out, Long.parseLong(q.getOrDefault("idleMillis", "0")));
          out.finish(ended[0]);
        }
      }
      default -> reply(ex, 404, Map.of("error", "no action " + action));
    }
  }

  private void autostop(HttpExchange ex, String method) throws IOException {
    if (method.equals("POST")) {
      reply(ex, 200, autostop.set(AutostopConfig.fromJson(Json.parseObject(body(ex)),
          System.currentTimeMillis())));
    } else {
      reply(ex, 200, autostop.status());
    }
  }

  @SuppressWarnings("unchecked")
  private void hooks(HttpExchange ex, String method, boolean nodeOnly) throws IOException {
    if (!method.equals("POST")) {
      reply(ex, 405, Map.of("error", "POST the hooks"));
      return;
    }
    Object list = Json.parseObject(body(ex)).get("hooks");
    List<LifecycleHook> hooks = new java.util.ArrayList<>();
    if (list instanceof List<?> l) {
      for (Object o : l) {
        hooks.add(LifecycleHook.fromJson((Map<String, Object>) o));
      }
    }
    if (nodeOnly) {
      teardown.setLocalHooks(hooks);
    } else {
      teardown.setHooks(hooks);
    }
    reply(ex, 200, Map.of("hooks", hooks.size()));
  }

  private void teardown(HttpExchange ex, String method) throws IOException {
    if (!method.equals("POST")) {
      reply(ex, 405, Map.of("error", "POST {event: stop|down}"));
      return;
    }
    Object event = Json.parseObject(body(ex)).get("event");
    if (!"stop".equals(event) && !"down".equals(event)) {
      throw new IllegalArgumentException("event must be stop or down, not " + event);
    }
    reply(ex, 200, teardown.claimAndRun((String) event, Long.MAX_VALUE));
  }

  private void preemptionNotice(HttpExchange ex, String method) throws IOException {
    if (!method.equals("POST")) {
      reply(ex, 405, Map.of("error", "POST {windowMillis}"));
      return;
    }
    Object w = Json.parseObject(body(ex)).get("windowMillis");
    long window = w instanceof Number n ? n.longValue() : 2000;
    reply(ex, 200, teardown.claimAndRun("preemption", System.currentTimeMillis() + window));
  }

  @SuppressWarnings("unchecked")
  private void rank(HttpExchange ex, String action, String verb, Map<String, String> q)
      throws Exception {
    if (verb.equals("start")) {
      Map<String, Object> b = Json.parseObject(body(ex));
      long jobId = ((Number) b.get("jobId")).longValue();
      String phase = (String) b.get("phase");
      List<Object> slots = (List<Object>) b.get("gpuSlots");
      int[] s = slots.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
      Map<String, String> env = new HashMap<>();
      ((Map<String, Object>) b.get("env")).forEach((k, v) -> env.put(k, String.valueOf(v)));
      ranks.start(jobId, phase, ((Number) b.get("rank")).intValue(), (String) b.get("script"),
          env, s, (String) b.get("workdir"));
      reply(ex, 200, Map.of("key", RankRegistry.key(jobId, phase)));
      return;
    }
    RankProcess p = ranks.get(q.getOrDefault("key", ""));
    if (p == null) {
      reply(ex, 404, Map.of("error", "no rank " + q.get("key") + " on this node"));
      return;
    }
    switch (verb) {
      case "wait" -> {
        // long poll: answer when the rank exits, or after 20 s so proxies never time out
        long deadline = System.currentTimeMillis()
            + Math.min(20_000, Long.parseLong(q.getOrDefault("millis", "20000")));
        while (p.isAlive() && System.currentTimeMillis() < deadline) {
          Thread.sleep(10);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("exit", p.isAlive() ? null : p.waitFor());
        reply(ex, 200, r);
      }
      case "log" -> {
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
          LogFollower.follow(p.log(), Long.parseLong(q.getOrDefault("offset", "0")),
              () -> !p.isAlive(), out, Long.parseLong(q.getOrDefault("idleMillis", "0")));
        }
      }
      case "kill" -> {
        p.kill();
        reply(ex, 200, Map.of("killed", true));
      }
      default -> reply(ex, 404, Map.of("error", "no rank action " + verb));
    }
  }

  private static String body(HttpExchange ex) throws IOException {
    // strict: bytes that are not UTF-8 are a 400, not U+FFFD characters in a script or a path
    return Json.decodeUtf8(ex.getRequestBody().readAllBytes());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> m = new HashMap<>();
    if (raw == null) {
      return m;
    }
    for (String kv : raw.split("&")) {
      int i = kv.indexOf('=');
      if (i > 0) {
        m.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
            URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  private static void reply(HttpExchange ex, int code, Object body) throws IOException {
    byte[] b = Json.write(body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(code, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }
}
