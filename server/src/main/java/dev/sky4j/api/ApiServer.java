package dev.sky4j.api;

import dev.sky4j.client.BuildId;
import dev.sky4j.client.dto.StorageDelete;
import dev.sky4j.client.dto.Accepted;
import dev.sky4j.client.dto.AutostopRequest;
import dev.sky4j.client.dto.CancelRequest;
import dev.sky4j.client.dto.ClusterAction;
import dev.sky4j.client.dto.ExecRequest;
import dev.sky4j.client.dto.Health;
import dev.sky4j.client.dto.LaunchRequest;
import dev.sky4j.client.dto.LocalPreemptRequest;
import dev.sky4j.client.dto.Problem;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.json.Json;
import dev.sky4j.json.JsonException;
import dev.sky4j.engine.SkyService;
import dev.sky4j.requests.ApiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin app: every route under {@code /api/v1}, the {@link RequestGuard} in front of
 * them (host, origin, token, content type), and the mapping of errors to problem objects. Long
 * operations answer 202 with a request id at once.
 */
public final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  static final String P = "/api/v1";
  /** The largest request body accepted: a task YAML is kilobytes; files are synced, not sent. */
  private static final int MAX_BODY_MB = 4;

  private final SkyService sky;
  private final String version;
  private final ApiToken token;
  private List<String> allowedHosts = List.of();
  private final RequestRoutes requests;
  private final List<java.util.function.Consumer<io.javalin.config.RoutesConfig>> more =
      new java.util.ArrayList<>();
  /** Computed once: the jar on disk may be rebuilt while this server runs. */
  private final String build = BuildId.ofCodeOf(ApiServer.class);
  private Javalin app;

  /** Every route but {@code /health} requires {@code token}. */
  public ApiServer(SkyService sky, String version, ApiToken token) {
    this.sky = sky;
    this.version = version;
    this.token = token;
    this.requests = new RequestRoutes(sky);
  }

  /** Adds a group of routes (e.g. {@link JobRoutes}); call before {@link #start}. */
  public ApiServer with(java.util.function.Consumer<io.javalin.config.RoutesConfig> routes) {
    more.add(routes);
    return this;
  }

  /** More names the {@code Host} header may carry (a server bound beyond loopback). */
  public ApiServer allowHosts(List<String> names) {
    this.allowedHosts = List.copyOf(names);
    return this;
  }

  public ApiServer start(String host, int port) {
    RequestGuard guard = new RequestGuard(host, allowedHosts, token);
    app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.jsonMapper(new CodecMapper());
      cfg.http.defaultContentType = "application/json";
      cfg.http.maxRequestSize = MAX_BODY_MB * 1024L * 1024L;
      cfg.jetty.host = host;
      cfg.jetty.port = port;
      cfg.routes.before(guard::check);
      cfg.routes.before(ApiServer::refuseLargeBodies);
      routes(cfg.routes);
      cfg.routes.exception(ApiError.class, (e, ctx) -> problem(ctx, e.problem()));
      cfg.routes.exception(JsonException.class, (e, ctx) -> problem(ctx,
          Problem.of(400, "bad-json", "the request body is not valid JSON for this route: " + e.getMessage())));
      // Javalin's own refusals (no such route, body too large, ...) as problems too
      cfg.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, refusal(e, ctx)));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
        problem(ctx, Problem.of(500, "internal", "internal error: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + ". The server log (sky api logs) has details."));
      });
      cfg.routes.error(404, "*", ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          problem(ctx, Problem.of(404, "no-such-route", "no route " + ctx.method() + " " + ctx.path()
              + "; the API is described at " + P + "/openapi.json"));
        }
      });
    });
    app.start();
    // one line naming every route: the OpenAPI coverage test reads it from a real server's log
    LOG.info("routes: {}", String.join(", ", routes()));
    return this;
  }

  public int port() {
    return app.port();
  }

  /** Every route this server answers, as {@code "GET /api/v1/status"} (for the OpenAPI check). */
  public List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
        .filter(r -> !r.startsWith("BEFORE") && !r.startsWith("AFTER"))
        .sorted().toList();
  }

  private static Problem refusal(HttpResponseException e, Context ctx) {
    if (e instanceof NotFoundResponse) {
      return Problem.of(404, "no-such-route", "no route " + ctx.method() + " " + ctx.path()
          + "; the API is described at " + P + "/openapi.json");
    }
    if (e.getStatus() == 413) {
      return tooLarge();
    }
    return Problem.of(e.getStatus(), "http-" + e.getStatus(), e.getMessage()
        + " (" + ctx.method() + " " + ctx.path() + ")");
  }

  /**
   * Refuses a body from its Content-Length before reading it, so a huge upload is answered at
   * once instead of being read up to the limit (and the client is not left writing into a
   * connection the server has given up on).
   */
  private static void refuseLargeBodies(Context ctx) {
    if (ctx.contentLength() > MAX_BODY_MB * 1024L * 1024L) {
      ctx.header("Connection", "close");
      throw new ApiError(tooLarge());
    }
  }

  private static Problem tooLarge() {
    return Problem.of(413, "body-too-large", "the request body is larger than this server "
        + "accepts (" + MAX_BODY_MB + " MB); files belong in workdir or file_mounts, which are "
        + "synced to the nodes rather than sent in the request");
  }

  public void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private void routes(io.javalin.config.RoutesConfig r) {
    r.get(P + "/health", ctx -> ctx.json(new Health("healthy", version, Health.API_VERSION,
        ProcessHandle.current().pid(), sky.home().toString(), true, build)));
    r.get(P + "/openapi.json", ctx -> {
      try (var in = ApiServer.class.getResourceAsStream("/dev/sky4j/api/openapi.json")) {
        if (in == null) {
          throw ApiError.notFound("no-openapi", "this build has no OpenAPI document");
        }
        ctx.contentType("application/json").result(in.readAllBytes());
      }
    });
    r.post(P + "/launch", ctx -> accepted(ctx, sky.launch(body(ctx, LaunchRequest.class))));
    r.post(P + "/exec", ctx -> accepted(ctx, sky.exec(body(ctx, ExecRequest.class))));
    r.post(P + "/stop", ctx -> accepted(ctx, sky.stop(body(ctx, ClusterAction.class))));
    r.post(P + "/start", ctx -> accepted(ctx, sky.start(body(ctx, ClusterAction.class))));
    r.post(P + "/down", ctx -> accepted(ctx, sky.down(body(ctx, ClusterAction.class))));
    r.post(P + "/autostop", ctx -> accepted(ctx, sky.autostop(body(ctx, AutostopRequest.class))));
    r.post(P + "/local/preempt", ctx -> ctx.json(sky.localPreempt(body(ctx, LocalPreemptRequest.class))));
    r.post(P + "/cancel", ctx -> accepted(ctx, sky.cancel(body(ctx, CancelRequest.class))));
    r.get(P + "/status", ctx -> ctx.json(sky.status(list(ctx.queryParam("clusters")),
        "true".equals(ctx.queryParam("refresh")))));
    r.get(P + "/clusters/{cluster}/queue", ctx -> ctx.json(sky.queue(ctx.pathParam("cluster"),
        "true".equals(ctx.queryParam("skipFinished")))));
    r.get(P + "/clusters/{cluster}/hooks/{event}/log", ctx -> ctx.json(sky.hookLog(
        ctx.pathParam("cluster"), ctx.pathParam("event"))));
    r.sse(P + "/clusters/{cluster}/jobs/{job}/logs", client -> {
      Context ctx = client.ctx();
      String job = ctx.pathParam("job");
      Integer jobId = "latest".equals(job) ? null : parseInt(job, "job");
      try (SseSink sink = new SseSink(client)) {
        sky.streamJobLogs(ctx.pathParam("cluster"), jobId,
            !"false".equals(ctx.queryParam("follow")), Offsets.from(ctx), sink);
      }
    });
    r.get(P + "/check", ctx -> ctx.json(sky.check()));
    r.post(P + "/validate", ctx -> ctx.json(sky.validate(body(ctx, TaskInput.class))));
    r.post(P + "/optimize", ctx -> ctx.json(sky.optimize(body(ctx, TaskInput.class),
        ctx.queryParam("limit") == null ? 10 : Math.max(1, parseInt(ctx.queryParam("limit"), "limit")))));
    r.get(P + "/cost-report", ctx -> ctx.json(sky.costReport()));
    r.get(P + "/storage", ctx -> ctx.json(sky.storage()));
    r.post(P + "/storage/delete", ctx -> accepted(ctx, sky.deleteStorage(body(ctx, StorageDelete.class))));
    r.post(P + "/shutdown", ctx -> {
      ctx.status(202).json(new Accepted(null));
      sky.requestShutdown();
    });
    requests.register(r);
    more.forEach(m -> m.accept(r));
  }

  static <T> T body(Context ctx, Class<T> type) {
    // strict UTF-8: Javalin's ctx.body() would turn bad bytes into U+FFFD and carry on
    String text = Json.decodeUtf8(ctx.bodyAsBytes());
    return Json.read(text.isBlank() ? "{}" : text, type);
  }

  static void accepted(Context ctx, String requestId) {
    ctx.status(202).header("X-Sky4j-Request-ID", requestId).json(new Accepted(requestId));
  }

  static void problem(Context ctx, Problem p) {
    ctx.status(p.status() >= 400 && p.status() < 600 ? p.status() : 500)
        .contentType("application/problem+json").result(Json.write(p));
  }

  static int parseInt(String s, String what) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("bad-" + what, "'" + s + "' is not a " + what + " id (a number)");
    }
  }

  private static List<String> list(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
  }
}
