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
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets in every input form (inline YAML, {@code --secret K=V}, {@code --secret K} from the
 * caller's shell) through {@code sky launch}, {@code sky exec} and {@code sky jobs launch}: each
 * reaches the job's environment, and no value is in state.db, its WAL, the server log, request
 * logs, managed-job logs, any API answer or any CLI output; a value the job prints in pieces
 * shows as a mask. And {@code --env} values a YAML reader would change arrive byte for byte.
 */
class SecretsEndToEndTest {
  private static final String INLINE = "inline-s3cret-7781";
  private static final String CLI = "cli-s3cret-9912";
  private static final String FROM_SHELL = "shell-s3cret-5523";
  private static final List<String> SECRETS = List.of(INLINE, CLI, FROM_SHELL);

  /** Values that YAML 1.1 (or quoting) would change, as typed after --env Vn=. */
  private static final List<String> ENV_VALUES = List.of("yes", "no", "on", "off", "true",
      "12:30", "0755", "0x1F", "1e3", "~", "null", "", "a=b=c", "  padded  ",
      "'single' \"double\"", "# hash", "line1\nline2", "ünï✓", "[1, 2]", "{a: 1}");

  @TempDir Path tmp;

  private static String task() {
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < ENV_VALUES.size(); i++) {
      run.append("  printf 'V").append(i).append("=%s|%s\\n' \"${V").append(i)
          .append("+set}\" \"$(printf '%s' \"$V").append(i)
          .append("\" | od -An -v -tx1 | tr -d ' \\n')\"\n");
    }
    for (String s : List.of("INLINE_TOKEN", "CLI_TOKEN", "SHELL_TOKEN")) {
      run.append("  printf '").append(s).append(" sha=%s\\n' \"$(printf '%s' \"$").append(s)
          .append("\" | sha256sum | cut -c1-64)\"\n");
    }
    // the value reaches the log in pieces, in separate writes the server reads apart
    run.append("  printf 'split1=%s' \"$(printf '%s' \"$INLINE_TOKEN\" | cut -c1-7)\"; sleep 0.4;"
        + " printf '%s\\n' \"$(printf '%s' \"$INLINE_TOKEN\" | cut -c8-)\"\n");
    run.append("  printf 'split2=%s' \"$(printf '%s' \"$CLI_TOKEN\" | cut -c1-3)\"; sleep 0.4;"
        + " printf '%s' \"$(printf '%s' \"$CLI_TOKEN\" | cut -c4-9)\"; sleep 0.4;"
        + " printf '%s\\n' \"$(printf '%s' \"$CLI_TOKEN\" | cut -c10-)\"\n");
    return "name: sec\nenvs:\n  FILE_YES: yes\nsecrets:\n  INLINE_TOKEN: " + INLINE
        + "\n  CLI_TOKEN: null\nrun: |\n" + run;
  }

  private static List<String> flags() {
    List<String> f = new ArrayList<>(List.of("--secret", "CLI_TOKEN=" + CLI, "--secret",
        "SHELL_TOKEN"));
    for (int i = 0; i < ENV_VALUES.size(); i++) {
      f.addAll(List.of("--env", "V" + i + "=" + ENV_VALUES.get(i)));
    }
    return f;
  }

  /** Runs {@code sky args... flags} with SHELL_TOKEN in that one CLI's environment only. */
  private static CliProcess.Result withSecrets(CliProcess sky, Path cwd, String... args)
      throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(flags());
    sky.extraEnv.put("SHELL_TOKEN", FROM_SHELL);
    try {
      return sky.sky(cwd, all.toArray(String[]::new));
    } finally {
      sky.extraEnv.remove("SHELL_TOKEN");
    }
  }

  /** What the job printed proves every value arrived exactly and every secret was there. */
  private static void assertJobSawEverything(String out) throws Exception {
    for (int i = 0; i < ENV_VALUES.size(); i++) {
      assertThat(out).as("--env V%d=%s", i, ENV_VALUES.get(i)).contains("V" + i + "=set|"
          + HexFormat.of().formatHex(ENV_VALUES.get(i).getBytes(StandardCharsets.UTF_8)) + "\n");
    }
    assertThat(out).contains("INLINE_TOKEN sha=" + sha(INLINE), "CLI_TOKEN sha=" + sha(CLI),
        "SHELL_TOKEN sha=" + sha(FROM_SHELL));
    assertThat(out).contains("split1=" + "*".repeat(INLINE.length()) + "\n",
        "split2=" + "*".repeat(CLI.length()) + "\n");
    assertNoSecret(out, "job output");
  }

  private static void assertNoSecret(String text, String where) {
    for (String s : SECRETS) {
      assertThat(text).as("a secret value in " + where).doesNotContain(s);
    }
  }

  private static String sha(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void secretsReachOnlyTheJobAndEnvValuesArriveAsTyped() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    Files.writeString(tmp.resolve("task.yaml"), task());
    try (CliProcess sky = new CliProcess(tmp)) {
      sky.extraEnv.put("SKY4J_JOBS_POLL_MS", "300");
      // the server starts without SHELL_TOKEN: only --secret SHELL_TOKEN can bring it to a job
      assertThat(sky.sky(tmp, "api", "start").code()).isZero();
      List<String> outputs = new ArrayList<>();

      var launch = withSecrets(sky, tmp, "launch", "-c", "sec", "task.yaml", "-y");
      assertThat(launch.code()).as(launch.all()).isZero();
      assertJobSawEverything(launch.out());
      var logs = sky.sky(tmp, "logs", "sec", "1", "--no-follow");
      assertThat(logs.code()).as(logs.all()).isZero();
      assertJobSawEverything(logs.out());

      var exec = withSecrets(sky, tmp, "exec", "sec", "task.yaml");
      assertThat(exec.code()).as(exec.all()).isZero();
      assertJobSawEverything(exec.out());

      var jobs = withSecrets(sky, tmp, "jobs", "launch", "-n", "secjob", "task.yaml", "-d");
      assertThat(jobs.code()).as(jobs.all()).isZero();
      String queue = sky.skyUntil(tmp, 120_000, q -> q.contains("SUCCEEDED"), "the job SUCCEEDED",
          "jobs", "queue");
      var jobLogs = sky.sky(tmp, "jobs", "logs", "1", "--no-follow");
      assertJobSawEverything(jobLogs.out());
      assertThat(sky.home.resolve("jobs").resolve("1").resolve("secrets.json"))
          .as("the job's 0600 secrets file goes with the job").doesNotExist();

      for (CliProcess.Result r : List.of(launch, logs, exec, jobs, jobLogs,
          sky.sky(tmp, "status", "-o", "json"), sky.sky(tmp, "queue", "sec", "-o", "json"),
          sky.sky(tmp, "jobs", "queue", "-o", "json"), sky.sky(tmp, "api", "status"),
          sky.sky(tmp, "jobs", "logs", "1", "--controller", "--no-follow"))) {
        outputs.add(r.all());
      }
      outputs.add(queue);
      outputs.addAll(apiAnswers(sky));
      for (String o : outputs) {
        assertNoSecret(o, "a CLI output or API answer:\n" + o);
      }
      assertNoSecret(sky.everythingWritten() + managedJobFiles(sky),
          "state.db, state.db-wal, the server log, request or managed-job logs");
      assertThat(sky.home.resolve("state.db")).exists();

      // a bad flag value is judged by the field's own rule, and named by its flag
      var bad = sky.sky(tmp, "launch", "-c", "bad", "-y", "--num-nodes", "0", "--", "echo", "hi");
      assertThat(bad.code()).as(bad.all()).isEqualTo(1);
      assertThat(bad.err()).contains("--num-nodes: num_nodes must be at least 1, found 0")
          .doesNotContain("..");
    }
  }

  @Test
  void aSecretNamedFromAnUnsetShellVariableIsAUsageError() throws Exception {
    try (CliProcess sky = new CliProcess(tmp)) {
      var r = sky.sky(tmp, "launch", "-c", "x", "--secret", "SKY4J_TEST_UNSET_TOKEN", "--",
          "echo", "hi");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("SKY4J_TEST_UNSET_TOKEN is not set in local environment");
      assertThat(sky.home.resolve("server").resolve("server.json")).as("nothing was sent")
          .doesNotExist();
    }
  }

  /** Every read the API offers about what ran: requests, their logs, clusters, jobs. */
  private static List<String> apiAnswers(CliProcess sky) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Path tokenFile = sky.home.resolve("server").resolve("token");
    String token = Files.exists(tokenFile) ? Files.readString(tokenFile).trim() : "";
    String base = "http://127.0.0.1:" + sky.port + "/api/v1";
    List<String> out = new ArrayList<>();
    java.util.function.Function<String, String> get = path -> {
      try {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
    String requests = get.apply("/requests?limit=200");
    out.add(requests);
    for (Object o : (List<?>) Json.parse(requests)) {
      String id = String.valueOf(((Map<?, ?>) o).get("id"));
      out.add(get.apply("/requests/" + id));
      out.add(get.apply("/requests/" + id + "/logs?follow=false"));
    }
    for (String p : List.of("/status", "/clusters/sec/queue", "/jobs", "/jobs/1", "/jobs/1/events",
        "/jobs/1/logs?follow=false", "/jobs/1/logs?follow=false&controller=true",
        "/clusters/sec/jobs/1/logs?follow=false", "/clusters/sec/jobs/2/logs?follow=false")) {
      out.add(get.apply(p));
    }
    assertThat(out.get(0)).contains("launch", "exec");
    return out;
  }

  /** A managed job's logs under $SKY4J_HOME/jobs (its secrets file, while it runs, aside). */
  private static String managedJobFiles(CliProcess sky) throws Exception {
    StringBuilder sb = new StringBuilder();
    Path jobs = sky.home.resolve("jobs");
    if (Files.isDirectory(jobs)) {
      try (var s = Files.walk(jobs)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        }
      }
    }
    return sb.toString();
  }
}
