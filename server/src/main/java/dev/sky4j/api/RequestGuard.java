package dev.sky4j.api;

import dev.sky4j.requests.ApiError;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides, from the headers alone and before any route runs or any body is read, whether a
 * request may reach the API. In this order, so that a request a web page makes from the user's
 * browser is refused before anything can act on it:
 * <ol>
 *   <li>{@code Host} must name this server (127.0.0.1, localhost, [::1], the bind address or an
 *       allowed name, with this port): a page that rebinds its own DNS name to 127.0.0.1 sends its
 *       own name here (403 {@code bad-host});
 *   <li>{@code Sec-Fetch-Site}, when a browser sends it, must be {@code same-origin} or {@code
 *       none}, and {@code Origin}, when present, must be this server's own (403 {@code
 *       cross-site}); no CORS header is ever granted;
 *   <li>{@code Authorization: Bearer <token>} on every route but {@code /health} (401 {@code
 *       unauthorized});
 *   <li>POST, PUT, PATCH and DELETE must say {@code Content-Type: application/json} (415 {@code
 *       unsupported-media-type}): a browser can send text/plain or a form to any address without
 *       asking, never JSON.
 * </ol>
 */
final class RequestGuard {
  private static final List<String> LOOPBACK_NAMES = List.of("127.0.0.1", "localhost", "[::1]");
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String TOKEN_HINT = "the CLI reads it from ~/.sky4j/server/token "
      + "($SKY4J_HOME/server/token); run `sky api info` to see where it is, and send it as "
      + "'Authorization: Bearer <token>'";

  private final Set<String> names;
  private final ApiToken token;

  /** {@code bindHost} and {@code allowedHosts} are names (or addresses) without a port. */
  RequestGuard(String bindHost, List<String> allowedHosts, ApiToken token) {
    Set<String> n = new LinkedHashSet<>(LOOPBACK_NAMES);
    n.add(bracketed(bindHost));
    allowedHosts.forEach(h -> n.add(bracketed(h)));
    n.remove("0.0.0.0");
    n.remove("[::]");
    // a LinkedHashSet, not Set.copyOf: contains(null) must answer false, not throw
    this.names = java.util.Collections.unmodifiableSet(n);
    this.token = token;
  }

  void check(Context ctx) {
    int port = ctx.req().getLocalPort();
    String host = lower(ctx.header("Host"));
    if (host == null || !names.contains(withoutPort(host, port))) {
      throw new ApiError(403, "bad-host", "this API server answers only to "
          + "Host 127.0.0.1:" + port + " or localhost:" + port + ", not " + quoted(host)
          + ": a web page can reach a local server under its own name (DNS rebinding). For a "
          + "server bound beyond loopback, allow the name with --allow-host or "
          + "SKY4J_API_ALLOWED_HOSTS");
    }
    String site = lower(ctx.header("Sec-Fetch-Site"));
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw crossSite("the browser marked it Sec-Fetch-Site: " + site);
    }
    String origin = lower(ctx.header("Origin"));
    if (origin != null && !(origin.startsWith("http://")
        && names.contains(withoutPort(origin.substring("http://".length()), port)))) {
      throw crossSite("it comes from a page at " + quoted(origin));
    }
    if (!ctx.path().equals(ApiServer.P + "/health") && !token.matches(bearer(ctx))) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiError(401, "unauthorized", (ctx.header("Authorization") == null
          ? "this request carries no API token" : "this request's API token is wrong or was renewed")
          + "; " + TOKEN_HINT);
    }
    if (BODY_METHODS.contains(ctx.method().name()) && !isJson(ctx.header("Content-Type"))) {
      throw new ApiError(415, "unsupported-media-type", ctx.method().name() + " bodies must be "
          + "sent with 'Content-Type: application/json', not " + quoted(ctx.header("Content-Type"))
          + " (browsers send other types across sites without asking, so they are refused)");
    }
  }

  private static ApiError crossSite(String why) {
    return new ApiError(403, "cross-site", "refused a cross-site request: " + why + ". The API "
        + "answers only its own clients (the CLI, editors, notebooks), never a web page");
  }

  private static String bearer(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return h.substring(7).trim();
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semi = contentType.indexOf(';');
    String media = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    return media.equalsIgnoreCase("application/json");
  }

  /** {@code host:port} → host, only when the port is this server's; otherwise null. */
  private static String withoutPort(String hostPort, int port) {
    String suffix = ":" + port;
    return hostPort.endsWith(suffix) ? hostPort.substring(0, hostPort.length() - suffix.length())
        : null;
  }

  private static String bracketed(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
  }

  private static String lower(String s) {
    return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
  }

  private static String quoted(String s) {
    if (s == null) {
      return "none";
    }
    return "'" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "'";
  }
}
