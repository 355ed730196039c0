package dev.sky4j.api;

import dev.sky4j.client.dto.ManagedJobCancel;
import dev.sky4j.client.dto.ManagedJobEvent;
import dev.sky4j.client.dto.ManagedJobLaunch;
import dev.sky4j.client.dto.ManagedJobRecord;
import dev.sky4j.client.dto.StreamEnd;
import dev.sky4j.jobs.ManagedJobRow;
import dev.sky4j.jobs.ManagedJobs;
import dev.sky4j.requests.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /jobs}: managed jobs. Launch answers at once with the new job (its controller runs in
 * the server); queue and events are quick reads; logs stream as SSE from the server's copy, which
 * outlives the job's clusters, with {@code ?controller=true} for the controller's own log.
 */
public final class JobRoutes {
  private final ManagedJobs jobs;
  private final String user = System.getProperty("user.name");

  public JobRoutes(ManagedJobs jobs) {
    this.jobs = jobs;
  }

  public void register(RoutesConfig r) {
    String p = ApiServer.P + "/jobs";
    r.post(p + "/launch", ctx -> ctx.json(record(jobs.launch(
        ApiServer.body(ctx, ManagedJobLaunch.class), user), List.of())));
    r.get(p, ctx -> {
      Map<Long, List<String>> attempts = jobs.attempts();
      List<ManagedJobRecord> out = new ArrayList<>();
      for (ManagedJobRow row : jobs.list()) {
        out.add(record(row, attempts.getOrDefault(row.id(), List.of())));
      }
      ctx.json(out);
    });
    r.get(p + "/{id}", ctx -> {
      long id = id(ctx);
      ctx.json(record(jobs.get(id), jobs.attempts().getOrDefault(id, List.of())));
    });
    r.get(p + "/{id}/events", ctx -> ctx.json(jobs.events(id(ctx)).stream()
        .map(e -> new ManagedJobEvent(e.at(), e.status().name(), e.reason(), e.infra())).toList()));
    r.post(p + "/cancel", ctx -> {
      ManagedJobCancel c = ApiServer.body(ctx, ManagedJobCancel.class);
      ctx.json(jobs.cancel(c.ids(), c.name(), c.all()));
    });
    r.sse(p + "/{id}/logs", client -> {
      Context ctx = client.ctx();
      try {
        long id = id(ctx);
        boolean controller = "true".equals(ctx.queryParam("controller"));
        Path file = controller ? jobs.controllerLogFile(id) : jobs.jobLog(id);
        SseTail.stream(client, file, Offsets.from(ctx), () -> jobs.finished(id), () -> {
          ManagedJobRow row = jobs.get(id);
          return new StreamEnd(row.status().name(), null, row.message());
        }, !"false".equals(ctx.queryParam("follow")));
      } catch (ApiError e) {
        try (SseSink sink = new SseSink(client)) {
          sink.problem(e.problem());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.io.IOException e) {
        // the follower went away: nothing more to send
      }
    });
  }

  private static long id(Context ctx) {
    return ApiServer.parseInt(ctx.pathParam("id"), "managed job");
  }

  static ManagedJobRecord record(ManagedJobRow r, List<String> attempts) {
    return new ManagedJobRecord(r.id(), r.name(), r.status().name(), r.resources(),
        r.submittedAt(), r.startedAt(), r.endedAt(), r.recoveries(), r.restarts(),
        r.strategy().name(), r.cluster(), r.taskId(), r.infra(), attempts, r.message());
  }
}
