package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a node holds of the machine that launched it, through the real CLI, server and nodes:
 * the server's environment (cloud keys, tokens, anything) never reaches a node, its jobs or its
 * SSH sessions, while SkyPilot's variables and the task's envs do; the cluster's agent secret is
 * 0600 on the server, never in a job's environment, and goes with {@code sky down}.
 */
class NodeIsolationEndToEndTest {
  private static final String AWS_KEY = "sekrit-aws-0042";
  private static final String LEAK = "leak-marker-77";

  @TempDir Path tmp;

  @Test
  void jobsAndSshSessionsSeeACleanEnvironmentAndNeverTheAgentSecret() throws Exception {
    assertTrue(CliProcess.serverJarBuilt(), "build the server jar first (mvn -pl server -am package)");
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(project.resolve("task.yaml"), """
        name: iso
        resources:
          cpus: 1+
        envs:
          FOO: bar
        run: |
          echo "---env---"
          env | sort
        """);
    try (CliProcess sky = new CliProcess(tmp)) {
      sky.extraEnv.put("AWS_SECRET_ACCESS_KEY", AWS_KEY);
      sky.extraEnv.put("SKY4J_TEST_LEAK", LEAK);
      var launch = sky.sky(project, "launch", "-c", "iso", "task.yaml");
      assertThat(launch.code()).as(launch.all()).isZero();
      Path nodeHome = sky.home.resolve("local/iso/node-0");
      assertThat(launch.out()).contains("FOO=bar", "SKYPILOT_NODE_RANK=0", "SKYPILOT_NUM_NODES=1",
          "SKYPILOT_TASK_ID=", "HOME=" + nodeHome, "PATH=");

      Path secretFile = sky.home.resolve("keys/agent-secrets/iso");
      assertThat(Files.getPosixFilePermissions(secretFile))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      String secret = Files.readString(secretFile).strip();

      var exec = sky.sky(project, "exec", "iso", "--", "env");
      assertThat(exec.code()).as(exec.all()).isZero();
      var ssh = new ProcessBuilder("ssh", "-F", sky.sshConfig.toString(), "iso", "env")
          .redirectErrorStream(true).start();
      String sshEnv = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(ssh.waitFor()).isZero();
      assertThat(sshEnv).contains("HOME=" + nodeHome);

      for (String seen : new String[] {launch.out(), exec.out(), sshEnv}) {
        assertThat(seen).doesNotContain(AWS_KEY, "AWS_SECRET_ACCESS_KEY", LEAK, "SKY4J_TEST_LEAK",
            "SKY4J_API_PORT", "SKY4J_SERVER_JAR", secret);
      }
      for (ProcessHandle node : sky.nodeProcesses()) {
        String environ = Files.readString(Path.of("/proc/" + node.pid() + "/environ"),
            StandardCharsets.ISO_8859_1);
        assertThat(environ).doesNotContain(AWS_KEY, LEAK, secret);
      }

      assertThat(sky.sky(project, "down", "iso", "-y").code()).isZero();
      assertThat(secretFile).as("sky down removes the server's copy of the secret").doesNotExist();
    }
  }
}
