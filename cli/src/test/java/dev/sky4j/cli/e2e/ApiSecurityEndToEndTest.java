package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sky4j.testing.Prerequisites.require;

import dev.sky4j.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing on this machine or on the web drives the API server uninvited, against a real server
 * process: a request a web page could send from the user's browser (text/plain body, a foreign
 * Origin, a rebound Host) is refused before it runs anything; every route but /health needs the
 * per-user token, on loopback too; the token file is private; rotating it locks the old one out.
 */
class ApiSecurityEndToEndTest {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final String EXEC = "{\"cluster\": \"dev\", \"task\": {\"run\": \"touch pwned\"}}";

  @TempDir Path tmp;

  @Test
  void crossSiteRequestsAreRefusedAndNothingRuns() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    try (CliProcess sky = new CliProcess(tmp)) {
      assertThat(sky.sky(tmp, "api", "start").code()).isZero();
      long pid = sky.serverPid();
      String base = "http://127.0.0.1:" + sky.port + "/api/v1";
      String token = sky.token();
      String launch = "{\"cluster\": \"dev\", \"task\": {\"run\": \"touch pwned\"}}";
      List<String> ran = new ArrayList<>();
      for (String[] route : List.of(new String[] {"/exec", EXEC}, new String[] {"/launch", launch},
          new String[] {"/shutdown", "{}"})) {
        // what a page's fetch(..., {mode: 'no-cors', body}) or a form sends: no token, text/plain
        expect(ran, 403, "cross-site", post(base + route[0], route[1], "text/plain",
            "http://evil.example", null));
        // even with the token (a leaked one), a foreign Origin or a non-JSON body is refused
        expect(ran, 403, "cross-site", post(base + route[0], route[1], "application/json",
            "http://evil.example", token));
        expect(ran, 403, "cross-site", post(base + route[0], route[1], "application/json",
            "http://127.0.0.1:" + (sky.port + 1), token));
        expect(ran, 415, "unsupported-media-type", post(base + route[0], route[1], "text/plain", null, token));
        expect(ran, 415, "unsupported-media-type", post(base + route[0], route[1],
            "application/x-www-form-urlencoded", null, token));
        expect(ran, 415, "unsupported-media-type", post(base + route[0], route[1], "multipart/form-data; boundary=x", null, token));
        expect(ran, 403, "cross-site", send(HttpRequest.newBuilder(URI.create(base + route[0]))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
            .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.ofString(route[1]))));
        String rebound = raw(sky.port, "POST " + "/api/v1" + route[0], "evil.example:" + sky.port,
            "Authorization: Bearer " + token + "\r\nContent-Type: application/json", route[1]);
        if (!rebound.startsWith("HTTP/1.1 403") || !rebound.contains("bad-host")) {
          ran.add(route[0] + " with Host evil.example -> " + rebound.lines().findFirst().orElse(""));
        }
      }
      assertThat(ran).as("cross-site requests that were not refused").isEmpty();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the server was not shut down")
          .contains(true);
      HttpResponse<String> requests = send(HttpRequest.newBuilder(URI.create(base + "/requests"))
          .header("Authorization", "Bearer " + token));
      assertThat(requests.statusCode()).isEqualTo(200);
      assertThat(Json.parse(requests.body())).as("no request was created").isEqualTo(List.of());
      assertThat(sky.sky(tmp, "status").out()).contains("No existing clusters");
      // the server's own origin (the same request from a page it served) is accepted
      HttpResponse<String> own = post(base + "/validate", "{\"yaml\": \"run: echo hi\\n\"}",
          "application/json; charset=utf-8", "http://localhost:" + sky.port, token);
      assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
      assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }

  @Test
  void everyRouteButHealthNeedsTheToken() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    try (CliProcess sky = new CliProcess(tmp)) {
      assertThat(sky.sky(tmp, "api", "start").code()).isZero();
      String base = "http://127.0.0.1:" + sky.port + "/api/v1";
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>)
          Json.parseObject(Files.readString(Path.of("..", "docs", "openapi.json"))).get("paths");
      List<String> open = new ArrayList<>();
      int checked = 0;
      for (Map.Entry<String, Map<String, Object>> e : paths.entrySet()) {
        String path = e.getKey().replace("{cluster}", "dev").replace("{event}", "stop")
            .replaceAll("\\{[a-z]+\\}", "1");
        for (String verb : e.getValue().keySet()) {
          for (String auth : new String[] {null, "Bearer " + sky.token() + "x", "Bearer ", "Basic Zm9v"}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json, text/event-stream")
                .method(verb.toUpperCase(), verb.equals("get") ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
            if (!verb.equals("get")) {
              b.header("Content-Type", "application/json");
            }
            if (auth != null) {
              b.header("Authorization", auth);
            }
            HttpResponse<String> r = send(b);
            checked++;
            boolean health = e.getKey().equals("/health");
            if (health ? r.statusCode() != 200
                : r.statusCode() != 401 || !r.body().contains("unauthorized")
                    || !r.body().contains("sky api info")) {
              open.add(verb + " " + path + " (" + auth + ") -> " + r.statusCode());
            }
          }
        }
      }
      assertThat(checked).isGreaterThan(100);
      assertThat(open).as("routes answered without the right token").isEmpty();
      assertThat(sky.sky(tmp, "status").code()).as("the CLI sends the token").isZero();
    }
  }

  @Test
  void tokenFileIsPrivateAndRotatingItLocksTheOldTokenOut() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    try (CliProcess sky = new CliProcess(tmp)) {
      CliProcess.Result before = sky.sky(tmp, "api", "info");
      assertThat(before.out()).contains("not running", "not created yet");
      assertThat(sky.sky(tmp, "api", "start").code()).isZero();
      Path file = sky.home.resolve("server").resolve("token");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sky.home))).isEqualTo("rwx------");
      String old = sky.token();
      assertThat(old).matches("sky4j_[0-9a-f]{64}");

      CliProcess.Result info = sky.sky(tmp, "api", "info");
      assertThat(info.out()).contains("http://127.0.0.1:" + sky.port, "running", file.toString(),
          "accepts this CLI's token").doesNotContain(old);
      assertThat(sky.sky(tmp, "api", "info", "--show-token").out()).contains(old);
      @SuppressWarnings("unchecked")
      Map<String, Object> json = (Map<String, Object>) Json.parse(sky.sky(tmp, "api", "info", "-o", "json").out());
      assertThat(json).containsEntry("status", "running").containsEntry("tokenFile", file.toString())
          .containsEntry("tokenFileMode", "rw-------").doesNotContainKey("token");

      String status = "http://127.0.0.1:" + sky.port + "/api/v1/status";
      assertThat(get(status, old).statusCode()).isEqualTo(200);
      CliProcess.Result rotated = sky.sky(tmp, "api", "rotate-token");
      assertThat(rotated.code()).as(rotated.all()).isZero();
      String renewed = sky.token();
      assertThat(renewed).isNotEqualTo(old).matches("sky4j_[0-9a-f]{64}");
      assertThat(rotated.all()).doesNotContain(renewed).doesNotContain(old);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(get(status, old).statusCode()).as("old token after rotation").isEqualTo(401);
      assertThat(get(status, renewed).statusCode()).as("new token after rotation").isEqualTo(200);
      assertThat(sky.sky(tmp, "status").code()).as("the CLI follows the new file").isZero();
      try (var files = Files.list(file.getParent())) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
      }

      // a client that cannot read the token says where it looked and what to do
      Files.delete(file);
      CliProcess.Result missing = sky.sky(tmp, "status");
      assertThat(missing.code()).isEqualTo(1);
      assertThat(missing.err()).contains("no API token at " + file, "sky api info")
          .doesNotContain("Exception", "\tat ");
      assertThat(get(status, renewed).statusCode()).as("the server keeps its last token").isEqualTo(200);
      assertThat(sky.sky(tmp, "api", "rotate-token").code()).isZero();
      assertThat(sky.sky(tmp, "status").code()).isZero();
    }
  }

  private static void expect(List<String> wrong, int status, String code, HttpResponse<String> r) {
    if (r.statusCode() != status || !r.body().contains("\"code\":\"" + code + "\"")) {
      wrong.add(r.request().method() + " " + r.request().uri().getPath() + " "
          + r.request().headers().map() + " -> " + r.statusCode() + " " + r.body());
    }
  }

  private static HttpResponse<String> post(String url, String body, String type, String origin,
      String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      b.header("Origin", origin);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token));
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HTTP.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One request over a raw socket: the JDK's clients do not let a caller choose the Host header. */
  private static String raw(int port, String requestLine, String host, String headers, String body)
      throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      String head = requestLine + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "\r\n"
          + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(b);
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
