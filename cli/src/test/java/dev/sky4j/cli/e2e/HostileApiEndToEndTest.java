package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sky4j.testing.Prerequisites.require;

import dev.sky4j.json.Json;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and careless requests against a real API server process: each one gets a JSON problem
 * object (a code and a message) with a 4xx status, never a stack trace or a 500; a server bound
 * beyond loopback refuses requests that carry no token.
 */
class HostileApiEndToEndTest {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path tmp;

  @Test
  void badRequestsGetProblemObjectsNotStackTraces() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    try (CliProcess sky = new CliProcess(tmp)) {
      assertThat(sky.sky(tmp, "api", "start").code()).isZero();
      String base = "http://127.0.0.1:" + sky.port + "/api/v1";
      String token = sky.token();
      List<String[]> cases = List.of(
          new String[] {"POST", "/launch", "{not json"},
          new String[] {"POST", "/launch", "[1,2,3]"},
          new String[] {"POST", "/launch", "{\"cluster\": 5, \"task\": \"echo hi\"}"},
          new String[] {"POST", "/launch", "{\"cluster\": \"../../etc\", \"task\": {\"command\": \"echo\"}}"},
          new String[] {"POST", "/down", "{\"clusters\": \"not-a-list\"}"},
          new String[] {"POST", "/down", "{\"clusters\": [\"no-such-cluster\"]}"},
          new String[] {"POST", "/cancel", "{\"cluster\": \"no-such-cluster\", \"jobIds\": [1]}"},
          new String[] {"POST", "/cancel", "{\"cluster\": \"x\", \"jobIds\": [\"one\"]}"},
          new String[] {"GET", "/clusters/no-such-cluster/queue", null},
          new String[] {"GET", "/clusters/..%2F..%2Fetc%2Fpasswd/queue", null},
          new String[] {"GET", "/requests/..%2F..%2Fstate.db", null},
          new String[] {"GET", "/requests?limit=lots", null},
          new String[] {"DELETE", "/status", null},
          new String[] {"GET", "/no/such/route", null});
      List<String> bad = new ArrayList<>();
      // A 20 MB body is refused from its Content-Length alone. Sent over a raw socket that never
      // sends the body: a client that streams it all races the server closing the connection.
      String tooLarge = headersOnly(base, "/validate", 20 * 1024 * 1024, token);
      assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("body-too-large").doesNotContain("\tat ");
      for (String[] c : cases) {
        HttpResponse<String> r = send(base, c[0], c[1], c[2], token);
        String what = c[0] + " " + c[1] + " -> " + r.statusCode() + " " + abbreviate(r.body());
        if (r.statusCode() < 400 || r.statusCode() >= 500 || !isProblem(r.body())
            || r.body().contains("\tat ") || r.body().contains("Exception")) {
          bad.add(what);
        }
      }
      assertThat(bad).as("requests answered without a clean problem object").isEmpty();

      // streamed routes answer with a problem event: the id is looked up, never used as a path
      String sse = events(base, "/requests/..%2F..%2Fstate.db/logs", token)
          + events(base, "/clusters/nope/jobs/..%2F..%2Fetc%2Fpasswd/logs", token)
          + events(base, "/clusters/nope/jobs/1/logs", token);
      assertThat(sse).contains("no-such-request").doesNotContain("SQLite", "root:", "\tat ");
      assertThat(sse).contains("bad-job").contains("no-such-cluster");
      assertThat(send(base, "GET", "/health", null, null).statusCode()).as("still serving").isEqualTo(200);
    }
  }

  /**
   * Bodies built to break a parser (100,000 levels deep, a trailing backslash, a short \\u escape,
   * numbers past any range, bytes that are not UTF-8, a lone surrogate) are each a 400 {@code
   * bad-json} saying what is wrong and where, and the server goes on serving.
   */
  @Test
  void hostileJsonIsA400WithAMessageNeverA500OrAStackOverflow() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    try (CliProcess sky = new CliProcess(tmp)) {
      assertThat(sky.sky(tmp, "api", "start").code()).isZero();
      String base = "http://127.0.0.1:" + sky.port + "/api/v1";
      String token = sky.token();
      Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
      bodies.put("deep arrays", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
      bodies.put("deep objects", ("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000))
          .getBytes(StandardCharsets.UTF_8));
      bodies.put("trailing backslash", "{\"cluster\": \"x\\".getBytes(StandardCharsets.UTF_8));
      bodies.put("short \\u", "{\"cluster\": \"\\u12\"}".getBytes(StandardCharsets.UTF_8));
      bodies.put("1e999999", "{\"idleMinutes\": 1e999999}".getBytes(StandardCharsets.UTF_8));
      bodies.put("invalid UTF-8", new byte[] {'{', '"', 'c', 'l', 'u', 's', 't', 'e', 'r', '"', ':',
          '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
      bodies.put("lone surrogate", "{\"cluster\": \"\\ud800\"}".getBytes(StandardCharsets.UTF_8));
      List<String> bad = new ArrayList<>();
      for (String route : List.of("/autostop", "/validate", "/jobs/launch")) {
        for (Map.Entry<String, byte[]> b : bodies.entrySet()) {
          HttpResponse<String> r = sendBytes(base, "POST", route, b.getValue(), token);
          if (r.statusCode() != 400 || !r.body().contains("bad-json") || !r.body().contains("offset")
              || r.body().contains("\tat ")) {
            bad.add(route + " with " + b.getKey() + " -> " + r.statusCode() + " " + abbreviate(r.body()));
          }
        }
      }
      // a number past an int field's range is refused by name, not wrapped into another number
      HttpResponse<String> huge = sendBytes(base, "POST", "/autostop", ("{\"clusters\": [\"c\"], "
          + "\"idleMinutes\": 123456789012345678901234567890}").getBytes(StandardCharsets.UTF_8), token);
      assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
      assertThat(huge.body()).contains("bad-json", "field 'idleMinutes'", "whole number");
      assertThat(bad).as("hostile bodies not answered with a 400 naming the position").isEmpty();
      assertThat(send(base, "GET", "/status", null, token).statusCode()).as("still serving").isEqualTo(200);
    }
  }

  @Test
  void serverBoundBeyondLoopbackRefusesRequestsWithoutTheToken() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    Path home = tmp.resolve("remote-home");
    int port = CliProcess.freePort();
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", CliProcess.SERVER_JAR.toString(), "dev.sky4j.server.ServerMain", "--host", "0.0.0.0",
        "--port", Integer.toString(port));
    pb.environment().put("SKY4J_HOME", home.toString());
    pb.environment().remove("SKY4J_API_TOKEN");
    pb.redirectErrorStream(true).redirectOutput(tmp.resolve("server.out").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process server = pb.start();
    try {
      String base = "http://127.0.0.1:" + port + "/api/v1";
      long deadline = System.currentTimeMillis() + 30_000;
      HttpResponse<String> health = null;
      while (System.currentTimeMillis() < deadline) {
        try {
          health = send(base, "GET", "/health", null, null);
          break;
        } catch (java.io.IOException e) {
          Thread.sleep(50);
        }
      }
      assertThat(health).as(Files.readString(tmp.resolve("server.out"))).isNotNull();
      assertThat(health.body()).contains("\"authRequired\":true");
      HttpResponse<String> anonymous = send(base, "GET", "/status", null, null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(isProblem(anonymous.body())).isTrue();
      assertThat(anonymous.body()).contains("unauthorized").doesNotContain("sky4j_");
      Path tokenFile = home.resolve("server").resolve("token");
      assertThat(Files.getPosixFilePermissions(tokenFile)).containsExactlyInAnyOrder(
          java.nio.file.attribute.PosixFilePermission.OWNER_READ,
          java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
      String token = Files.readString(tokenFile).trim();
      HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/status"))
          .header("Authorization", "Bearer " + token + "x").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(wrong.statusCode()).isEqualTo(401);
      HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/status"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
    } finally {
      server.destroy();
      if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static HttpResponse<String> send(String base, String method, String path, String body,
      String token) throws Exception {
    return sendBytes(base, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), token);
  }

  private static HttpResponse<String> sendBytes(String base, String method, String path, byte[] body,
      String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null || !method.equals("GET")) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends a POST's headers claiming {@code length} bytes of body, then reads the whole answer. */
  private static String headersOnly(String base, String path, long length, String token)
      throws Exception {
    URI uri = URI.create(base + path);
    try (java.net.Socket s = new java.net.Socket(uri.getHost(), uri.getPort())) {
      s.setSoTimeout(20_000);
      String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
          + "Authorization: Bearer " + token + "\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n"
          + "Connection: close\r\n\r\n";
      s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static String events(String base, String path, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static boolean isProblem(String body) {
    try {
      return Json.parse(body) instanceof Map<?, ?> m && m.get("code") instanceof String
          && m.get("message") instanceof String msg && !msg.isBlank();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
