package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sky4j.testing.Prerequisites.require;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main path through the real CLI process, a real API server process and local-cloud nodes
 * behind real SSH: launch (workdir, file mount, envs, a secret) → exec → queue → logs → status →
 * ssh by name → stop/start (files survive) → down. Nothing here is a fake.
 */
class LaunchEndToEndTest {
  private static final String SECRET = "s3cr3t-value-4242";

  @TempDir Path tmp;

  @Test
  void launchExecLogsStatusStopStartDown() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.createDirectories(project.resolve("code"));
    Files.writeString(project.resolve("code").resolve("train.py"), "print('training')\n");
    Files.writeString(project.resolve("data.txt"), "mounted-data\n");
    Files.writeString(project.resolve("task.yaml"), """
        name: e2e
        workdir: ./code
        resources:
          cpus: 1+
        file_mounts:
          ~/inputs/data.txt: ./data.txt
        envs:
          GREETING: hello
        secrets:
          API_KEY: null
        setup: echo setup-done
        run: |
          echo "$GREETING rank=$SKYPILOT_NODE_RANK nodes=$SKYPILOT_NUM_NODES"
          ls
          cat ~/inputs/data.txt
          echo "key-length=${#API_KEY}"
        """);
    try (CliProcess sky = new CliProcess(tmp)) {
      var launch = sky.sky(project, "launch", "-c", "e2e", "task.yaml", "--secret", "API_KEY=" + SECRET);
      assertThat(launch.code()).as(launch.all()).isZero();
      assertThat(launch.out()).contains("Provisioning", "setup-done", "hello rank=0 nodes=1",
          "train.py", "mounted-data", "key-length=" + SECRET.length(), "SUCCEEDED");

      var exec = sky.sky(project, "exec", "e2e", "--", "echo", "exec-says-hi", "&&", "ls");
      assertThat(exec.code()).as(exec.all()).isZero();
      assertThat(exec.out()).contains("exec-says-hi", "train.py");

      var queue = sky.sky(project, "queue", "e2e");
      assertThat(queue.out()).contains("e2e").containsPattern("(?m)^1 .*SUCCEEDED")
          .containsPattern("(?m)^2 .*SUCCEEDED");

      var logs = sky.sky(project, "logs", "e2e", "1", "--no-follow");
      assertThat(logs.out()).contains("hello rank=0", "mounted-data");
      var follow = sky.sky(project, "logs", "e2e");
      assertThat(follow.out()).contains("exec-says-hi");

      var status = sky.sky(project, "status", "-o", "json");
      assertThat(status.out()).contains("\"name\":\"e2e\"", "\"status\":\"UP\"");

      var ssh = new ProcessBuilder("ssh", "-F", sky.sshConfig.toString(), "e2e", "cat inputs/data.txt")
          .redirectErrorStream(true).start();
      assertThat(new String(ssh.getInputStream().readAllBytes())).contains("mounted-data");
      assertThat(ssh.waitFor()).isZero();

      assertThat(sky.sky(project, "stop", "e2e", "-y").code()).isZero();
      assertThat(sky.sky(project, "status").out()).contains("STOPPED");
      assertThat(sky.sky(project, "start", "e2e").code()).isZero();
      var after = sky.sky(project, "exec", "e2e", "--", "cat", "~/inputs/data.txt");
      assertThat(after.out()).as("data on the node survives stop/start").contains("mounted-data");

      assertThat(sky.everythingWritten()).as("secret in server files").doesNotContain(SECRET);
      assertThat(status.out() + queue.out() + launch.all() + exec.all()).doesNotContain(SECRET);

      var down = sky.sky(project, "down", "e2e", "-y");
      assertThat(down.code()).as(down.all()).isZero();
      assertThat(sky.sky(project, "status").out()).contains("No existing clusters.");
      assertThat(sky.home.resolve("generated").resolve("ssh").resolve("e2e")).doesNotExist();
    }
  }

  @Test
  void yamlErrorsArePrintedLikeValidateAndNothingIsSent() throws Exception {
    require(CliProcess.serverJarBuilt(), "build the server jar first");
    Files.writeString(tmp.resolve("bad.yaml"), "run: echo hi\nnum_nodes: zero\n");
    try (CliProcess sky = new CliProcess(tmp)) {
      var r = sky.sky(tmp, "launch", "-c", "bad", "bad.yaml");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains("bad.yaml:2:");
      assertThat(sky.home.resolve("server").resolve("server.json")).as("no server was needed").doesNotExist();
    }
  }
}
