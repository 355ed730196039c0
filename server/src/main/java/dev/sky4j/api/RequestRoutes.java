package dev.sky4j.api;

import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.StreamEnd;
import dev.sky4j.engine.SkyService;
import dev.sky4j.requests.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /requests}: a long operation's status, its log as SSE with resume, and cancel. */
final class RequestRoutes {
  private final SkyService sky;

  RequestRoutes(SkyService sky) {
    this.sky = sky;
  }

  void register(RoutesConfig r) {
    String p = ApiServer.P + "/requests";
    r.get(p, ctx -> ctx.json(sky.requests(limit(ctx))));
    r.get(p + "/{id}", ctx -> ctx.json(sky.request(ctx.pathParam("id"))));
    r.post(p + "/{id}/cancel", ctx -> {
      sky.cancelRequest(ctx.pathParam("id"));
      ctx.json(sky.request(ctx.pathParam("id")));
    });
    r.sse(p + "/{id}/logs", client -> {
      Context ctx = client.ctx();
      String id = ctx.pathParam("id");
      try {
        RequestInfo first = sky.request(id);
        boolean follow = !"false".equals(ctx.queryParam("follow"));
        SseTail.stream(client, sky.requestLog(first.id()), Offsets.from(ctx),
            () -> sky.request(id).finished(),
            () -> {
              RequestInfo done = sky.request(id);
              return new StreamEnd(done.status(), null,
                  done.error() == null ? null : done.error().message());
            }, follow);
      } catch (ApiError e) {
        try (SseSink sink = new SseSink(client)) {
          sink.problem(e.problem());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.io.IOException e) {
        // the follower went away or the log vanished: nothing more to send
      }
    });
  }

  private static int limit(Context ctx) {
    String l = ctx.queryParam("limit");
    return l == null ? 50 : ApiServer.parseInt(l, "limit");
  }
}
