package dev.sky4j.api;

import io.javalin.http.Context;

/** Where a log stream resumes: {@code ?offset=} or the SSE {@code Last-Event-ID} header. */
final class Offsets {
  private Offsets() {}

  static long from(Context ctx) {
    String h = ctx.header("Last-Event-ID");
    String q = ctx.queryParam("offset");
    String v = h != null && !h.isBlank() ? h : q;
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
