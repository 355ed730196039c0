package dev.sky4j.requests;

import dev.sky4j.client.dto.Problem;
import dev.sky4j.json.Json;
import dev.sky4j.state.RequestStatus;
import dev.sky4j.state.RequestStore;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs long operations in the background. Each gets a row in the requests table (PENDING,
 * RUNNING, then SUCCEEDED/FAILED/CANCELLED, each one transaction) and a log file under
 * {@code server/requests/}. Launch-like requests share a large pool so ten launches run at once;
 * cluster verbs (stop, down, cancel, autostop) have their own pool so they are never stuck behind
 * launches. That pool grows as needed: a stop or down may wait an hour for its cluster's hooks,
 * and ten of those must not keep an eleventh {@code sky down} (or a cancel) from starting.
 * Neither pool is Jetty's: no request thread ever waits on a node.
 */
public final class RequestExecutor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RequestExecutor.class);

  /** Which pool a request runs in. */
  public enum Kind { LONG, SHORT }

  private final RequestStore store;
  private final Path logDir;
  private final ExecutorService longPool = Executors.newFixedThreadPool(32, daemon("long"));
  private final ExecutorService shortPool = Executors.newCachedThreadPool(daemon("short"));
  private final Map<String, RequestContext> running = new ConcurrentHashMap<>();
  private final Map<String, Future<?>> futures = new ConcurrentHashMap<>();

  public RequestExecutor(RequestStore store, Path logDir) {
    this.store = store;
    this.logDir = logDir;
  }

  public Path logFile(String id) {
    return logDir.resolve(id + ".log");
  }

  /**
   * Queues {@code op} and returns its id at once. {@code redactedBody} is what gets stored;
   * {@code secretValues} are scrubbed from its log.
   */
  public String submit(String name, String cluster, Object redactedBody, Collection<String> secretValues,
      Kind kind, Operation op) {
    String id = UUID.randomUUID().toString();
    store.create(id, name, cluster, redactedBody == null ? null : Json.write(redactedBody));
    Runnable task = () -> execute(id, name, secretValues, op);
    futures.put(id, (kind == Kind.LONG ? longPool : shortPool).submit(task));
    return id;
  }

  private void execute(String id, String name, Collection<String> secrets, Operation op) {
    if (!store.start(id)) {
      futures.remove(id);
      return;
    }
    Redactor redactor = new Redactor(secrets);
    try (RequestLog log = new RequestLog(logFile(id), redactor)) {
      RequestContext ctx = new RequestContext(id, log);
      running.put(id, ctx);
      try {
        Object result = op.run(ctx);
        store.finish(id, ctx.cancelled() ? RequestStatus.CANCELLED : RequestStatus.SUCCEEDED,
            result == null ? null : redactor.apply(Json.write(result)), null);
      } catch (RequestContext.CancelledException e) {
        log.stage("Cancelled.");
        store.finish(id, RequestStatus.CANCELLED, null,
            Json.write(Problem.of(499, "cancelled", "the request was cancelled").withRequestId(id)));
      } catch (ApiError e) {
        log.stage("Error: " + e.getMessage());
        store.finish(id, RequestStatus.FAILED, null,
            redactor.apply(Json.write(e.problem().withRequestId(id))));
      } catch (Exception | Error e) {
        if (running.get(id) != null && running.get(id).cancelled()) {
          store.finish(id, RequestStatus.CANCELLED, null, null);
        } else {
          LOG.warn("request {} ({}) failed: {}", id, name, redactor.apply(String.valueOf(e)));
          String msg = redactor.apply(e.getClass().getSimpleName() + ": " + e.getMessage());
          log.stage("Error: " + msg);
          store.finish(id, RequestStatus.FAILED, null, Json.write(Problem.of(500, "internal",
              "internal error: " + msg + ". The server log (sky api logs) has details.").withRequestId(id)));
        }
      }
    } catch (java.io.IOException e) {
      store.finish(id, RequestStatus.FAILED, null, Json.write(Problem.of(500, "log-unwritable",
          "cannot write the request log " + logFile(id) + ": " + e.getMessage())));
    } finally {
      running.remove(id);
      futures.remove(id);
    }
  }

  /** Cancels a queued or running request; false when it already finished. */
  public boolean cancel(String id) {
    RequestContext ctx = running.get(id);
    if (ctx != null) {
      ctx.cancel();
      Future<?> f = futures.get(id);
      if (f != null) {
        f.cancel(true);
      }
      return true;
    }
    return store.finish(id, RequestStatus.CANCELLED, null, null);
  }

  public boolean isRunning(String id) {
    return running.containsKey(id) || futures.containsKey(id);
  }

  @Override
  public void close() {
    longPool.shutdownNow();
    shortPool.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "req-" + prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
