package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sky4j.testing.Prerequisites.require;

import dev.sky4j.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's description stays true: every route a real server process registers (it logs them
 * at start) is in the OpenAPI document it serves, with that method; nothing is documented that
 * the server does not answer; and the server serves docs/openapi.json, the one source (the
 * server build copies it into the jar, so a difference means a stale jar).
 */
class OpenApiEndToEndTest {
  private static final String PREFIX = "/api/v1";

  @TempDir Path tmp;

  @Test
  void everyRegisteredRouteIsDocumentedAndTheCheckedInCopyIsCurrent() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    try (CliProcess sky = new CliProcess(tmp)) {
      assertThat(sky.sky(tmp, "api", "start").code()).isZero();
      String log = Files.readString(sky.home.resolve("server").resolve("server.log"));
      int at = log.indexOf("routes: ");
      assertThat(at).as("the server logs its routes at start").isGreaterThanOrEqualTo(0);
      String line = log.substring(at + "routes: ".length()).lines().findFirst().orElseThrow();
      List<String> registered = List.of(line.split(", "));
      assertThat(registered).contains("GET " + PREFIX + "/health", "POST " + PREFIX + "/launch");

      String served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + sky.port + PREFIX + "/openapi.json"))
              .header("Authorization", "Bearer " + sky.token()).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      @SuppressWarnings("unchecked")
      Map<String, Object> paths = (Map<String, Object>) ((Map<String, Object>) Json.parse(served)).get("paths");
      List<String> missing = new ArrayList<>();
      for (String route : registered) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        // SSE routes register as GET; HEAD/OPTIONS are never registered by this server
        Object item = path.startsWith(PREFIX) ? paths.get(path.substring(PREFIX.length())) : null;
        String verb = method.equals("SSE") ? "get" : method.toLowerCase(Locale.ROOT);
        if (!(item instanceof Map<?, ?> ops) || !ops.containsKey(verb)) {
          missing.add(route);
        }
      }
      assertThat(missing).as("routes the server answers but docs/openapi.json does not describe")
          .isEmpty();

      List<String> phantom = new ArrayList<>();
      for (Map.Entry<String, Object> e : paths.entrySet()) {
        for (Object verb : ((Map<?, ?>) e.getValue()).keySet()) {
          String v = verb.toString().toUpperCase(Locale.ROOT);
          String path = PREFIX + e.getKey();
          if (!registered.contains(v + " " + path) && !(v.equals("GET") && registered.contains("SSE " + path))) {
            phantom.add(v + " " + path);
          }
        }
      }
      assertThat(phantom).as("routes docs/openapi.json describes but the server does not answer")
          .isEmpty();

      Path source = Path.of("..", "docs", "openapi.json");
      assertThat(Json.parse(Files.readString(source)))
          .as("docs/openapi.json vs the document the server jar serves (rebuild the server jar)")
          .isEqualTo(Json.parse(served));
    }
  }
}
