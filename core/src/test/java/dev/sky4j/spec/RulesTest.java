package dev.sky4j.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per rule: the YAML, the code it must produce, where (1-based line:column), words the
 * message must contain, and the replacement its first suggestion must offer (or null).
 */
class RulesTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        c("unknown-field", "resources:\n  acelerators: H100\nrun: x", 2, 3, "did you mean 'accelerators'", "accelerators"),
        c("unknown-field", "run: x\nsetpu: y", 2, 1, "did you mean 'setup'", "setup"),
        c("unknown-field", "resources:\n  use-spot: true\nrun: x", 2, 3, "did you mean 'use_spot'", "use_spot"),
        c("unknown-field", "resources:\n  disksize: 100\nrun: x", 2, 3, "did you mean 'disk_size'", "disk_size"),
        c("unknown-field", "run: x\nzzzqqq: 1", 2, 1, "Found unsupported field 'zzzqqq'", null),
        c("wrong-type", "num_nodes: \"2\"\nrun: x", 1, 12, "expected an integer, found a string", null),
        c("wrong-type", "resources:\n  use_spot: maybe\nrun: x", 2, 13, "expected true or false, found a string", null),
        c("wrong-type", "run: [a, b]", 1, 6, "expected a string, found a list", null),
        c("out-of-range", "num_nodes: 0\nrun: x", 1, 12, "at least 1", null),
        c("out-of-range", "resources:\n  priority: 5000\nrun: x", 2, 13, "between -1000 and 1000", null),
        c("out-of-range", "resources:\n  max_hourly_cost: 0\nrun: x", 2, 20, "more than 0", null),
        c("invalid-accelerator", "resources:\n  accelerators: H100:8:2\nrun: x", 2, 17, "<name>:<count>", null),
        c("invalid-accelerator", "resources:\n  accelerators: H100:lots\nrun: x", 2, 17, "not a number", null),
        c("invalid-accelerator-count", "resources:\n  accelerators: H100:0\nrun: x", 2, 17, "positive number", null),
        c("invalid-accelerator-count", "resources:\n  accelerators: {H100: -1}\nrun: x", 2, 24, "positive number", null),
        c("gpus-and-accelerators", "resources:\n  gpus: H100\n  accelerators: H100\nrun: x", 2, 3, "both gpus and accelerators", null),
        c("invalid-env-name", "envs:\n  1X: a\nrun: x", 2, 3, "not a valid environment variable name", null),
        c("invalid-env-name", "envs:\n  MY-VAR: a\nrun: x", 2, 3, "MY_VAR", null),
        c("env-null", "envs:\n  HF_TOKEN:\nrun: x", 2, 3, "--env HF_TOKEN=", null),
        c("secret-null", "secrets:\n  HF_TOKEN:\nrun: x", 2, 3, "--secret HF_TOKEN", null),
        c("invalid-name", "name: my task\nrun: x", 1, 7, "Invalid task name 'my task'", null),
        c("invalid-infra", "resources:\n  infra: gpc/us-central1\nrun: x", 2, 10, "Did you mean 'gcp'", "gcp/us-central1"),
        c("invalid-infra", "resources:\n  infra: aws//x\nrun: x", 2, 10, "empty part", null),
        c("invalid-infra", "resources:\n  infra: aws/a/b/c\nrun: x", 2, 10, "too many parts", null),
        c("infra-conflict", "resources:\n  infra: aws\n  region: us-east-1\nrun: x", 3, 3, "Cannot specify both infra and cloud", null),
        c("any-of-and-ordered", "resources:\n  any_of: [{cpus: 2}]\n  ordered: [{cpus: 4}]\nrun: x", 3, 3, "both \"any_of\" and \"ordered\"", null),
        c("ordered-multiple-accelerators", "resources:\n  accelerators: {A100: 1, H100: 1}\n  ordered: [{cpus: 4}]\nrun: x", 2, 17, "multiple \"accelerators\" with \"ordered\"", null),
        c("ordered-multiple-accelerators", "resources:\n  accelerators: [A100, H100]\n  any_of: [{cpus: 4}]\nrun: x", 2, 17, "with \"any_of\"", null),
        c("invalid-port", "resources:\n  ports: 70000\nrun: x", 2, 10, "between 1 and 65535", null),
        c("invalid-port", "resources:\n  ports: [\"9000-8000\"]\nrun: x", 2, 11, "start is after the end", null),
        c("invalid-port", "resources:\n  ports: http\nrun: x", 2, 10, "port number", null),
        c("duplicate-key", "run: a\nsetup: b\nrun: c", 3, 1, "first defined at line 1", null),
        c("docker-login", "envs:\n  SKYPILOT_DOCKER_USERNAME: u\n  SKYPILOT_DOCKER_PASSWORD: p\nrun: x", 2, 3, "Missing from envs: SKYPILOT_DOCKER_SERVER", null),
        c("docker-login", "envs:\n  SKYPILOT_DOCKER_USERNAME: u\nsecrets:\n  SKYPILOT_DOCKER_PASSWORD: p\n  SKYPILOT_DOCKER_SERVER: s\nrun: x", 4, 3, "not split across both", null),
        c("unknown-variable", "envs:\n  SIZE: 7\nfile_mounts:\n  /m/${SIZE}b: s3://w/${SIZ}b\nrun: x", 4, 23, "'${SIZ}' in file_mounts", null),
        c("unknown-variable", "workdir: ${SRC}\nrun: x", 1, 10, "Define SRC under envs:", null),
        c("invalid-mount-path", "file_mounts:\n  s3://b: ./d\nrun: x", 2, 3, "bucket URL", null),
        c("invalid-mount-path", "file_mounts:\n  /d: ./d/\nrun: x", 2, 7, "source './d/' must not end with '/'", "./d"),
        c("invalid-mount-path", "file_mounts:\n  /data/: ./d\nrun: x", 2, 3, "must not end with '/'", "/data"),
        c("invalid-mount-path", "workdir: .\nfile_mounts:\n  ~/sky_workdir: ./d\nrun: x", 3, 3, "workdir", null),
        c("storage-missing-source", "file_mounts:\n  /ckpt:\n    mode: MOUNT\nrun: x", 3, 5, "name", null),
        c("hooks-location", "resources:\n  hooks: [{run: x}]\nrun: x", 2, 3, "config.hooks", null),
        c("invalid-value", "resources:\n  disk_tier: hihg\nrun: x", 2, 14, "Did you mean 'high'", "high"),
        c("invalid-value", "resources:\n  network_tier: fast\nrun: x", 2, 17, "standard, best", null),
        c("invalid-value", "resources:\n  job_recovery: eager\nrun: x", 2, 17, "FAILOVER, EAGER_NEXT_REGION, none", null),
        c("invalid-value", "resources:\n  job_recovery: {strategy: FAILOVR}\nrun: x", 2, 28, "Did you mean 'FAILOVER'", "FAILOVER"),
        c("invalid-value", "resources:\n  autostop: {wait_for: ssh}\nrun: x", 2, 24, "jobs_and_ssh, jobs, none", null),
        c("invalid-value", "resources:\n  cloud: awz\nrun: x", 2, 10, "Did you mean 'aws'", "aws"),
        c("invalid-value", "file_mounts:\n  /d:\n    name: b\n    mode: LINK\nrun: x", 4, 11, "MOUNT, COPY, MOUNT_CACHED", null),
        c("deprecated-field", "resources:\n  spot_recovery: FAILOVER\nrun: x", 2, 3, "SkyPilot 0.14 rejects this file", "job_recovery"),
        c("deprecated-field", "resources:\n  autostop: {idle_minutes: 5, hook: echo}\nrun: x", 2, 31, "config.hooks", null),
        c("invalid-secret-ref", "secrets: [HF_TOKEN]\nrun: x", 1, 11, "secrets:NAME", "secrets:HF_TOKEN"),
        c("invalid-secret-ref", "secrets:\n  secrets:KEY: v\nrun: x", 2, 16, "cannot have a value", null),
        c("invalid-cpus", "resources:\n  cpus: 4++\nrun: x", 2, 9, "<number>+", null),
        c("invalid-cpus", "resources:\n  cpus: 0\nrun: x", 2, 9, "more than 0", null),
        c("invalid-memory", "resources:\n  memory: 12XB\nrun: x", 2, 11, "number of GB", null),
        c("invalid-disk-size", "resources:\n  disk_size: 10QB\nrun: x", 2, 14, "512GB", null),
        c("invalid-autostop", "resources:\n  autostop: 10y\nrun: x", 2, 13, "10h", null),
        c("invalid-local-disk", "resources:\n  local_disk: fast\nrun: x", 2, 15, "nvme:500GB+", null),
        c("service-and-pool", "service: {replicas: 1}\npool: {workers: 2}\nrun: x", 2, 1, "both service and pool", null),
        c("invalid-hook", "config:\n  hooks:\n    - run: x\n      events: [stop, stop]\nrun: x", 4, 22, "listed twice", null),
        c("invalid-hook", "config:\n  hooks:\n    - run: \"\"\nrun: x", 3, 12, "1 to 16384", null),
        c("missing-field", "config:\n  hooks:\n    - events: [stop]\nrun: x", 3, 7, "needs a 'run'", null),
        c("missing-field", "workdir: {ref: main}\nrun: x", 1, 10, "needs a 'url'", null),
        c("not-a-mapping", "- run: x", 1, 1, "must be a mapping", null),
        c("yaml-syntax", "run: x\nresources: [a\n", 3, 1, "YAML syntax error", null),
        c("yaml-syntax", "run: |\n  x\n\tsetup: y\n", 3, 1, "tabs", null),
        c("empty-task", "# nothing\n", 1, 1, "is empty or contains no task definition", null),
        c("empty-task", "name: only\n", 1, 1, "Add at least a run:", null),
        // catalog-aware
        c("unknown-accelerator", "resources:\n  accelerators: H1000:8\nrun: x", 2, 17, "Did you mean H100", "H100:8"),
        // SkyPilot: a fragment of several names is ambiguous, of one name is that name
        c("ambiguous-accelerator", "resources:\n  accelerators: H10:8\nrun: x", 2, 17, "ambiguous: the catalog has H100, H100-MEGA", "H100:8"),
        c("accelerator-name-completed", "resources:\n  accelerators: A100-80:8\nrun: x", 2, 17, "read as A100-80GB", "A100-80GB:8"),
        c("accelerator-count-unavailable", "resources:\n  accelerators: H100:3\nrun: x", 2, 17, "Offered counts: 1, 2, 4, 8", "H100:2"),
        c("accelerator-count-unavailable", "resources:\n  accelerators: {H100: 3}\nrun: x", 2, 24, "Offered counts", "2"),
        // only the bad segment of infra is underlined, and the fix replaces only it
        c("unknown-region", "resources:\n  infra: aws/us-east-99\nrun: x", 2, 14, "Did you mean one of these: us-east-1", "us-east-1"),
        c("unknown-region", "resources:\n  infra: \"aws/us-east-99\"\nrun: x", 2, 15, "Did you mean one of these: us-east-1", "us-east-1"),
        c("unknown-region", "resources:\n  cloud: aws\n  region: eu-wst-1\nrun: x", 3, 11, "eu-west-1", "eu-west-1"),
        c("unknown-zone", "resources:\n  infra: gcp/us-central1/us-central1-z\nrun: x", 2, 26, "Invalid zone 'us-central1-z'", "us-central1-a"),
        c("unknown-instance-type", "resources:\n  instance_type: p3.2xlarg\nrun: x", 2, 18, "Did you mean p3.2xlarge", "p3.2xlarge"),
        c("instance-type-mismatch", "resources:\n  instance_type: p3.2xlarge\n  accelerators: H100:8\nrun: x", 2, 18, "contradicts accelerators H100:8", null),
        c("accelerator-not-on-cloud", "resources:\n  infra: lambda\n  accelerators: tpu-v5p-8\nrun: x", 3, 17, "lambda does not offer", null),
        c("no-spot-offer", "resources:\n  infra: lambda\n  accelerators: H100:8\n  use_spot: true\nrun: x", 4, 13, "no spot offer", null),
        c("max-hourly-cost-too-low", "resources:\n  accelerators: H100:8\n  max_hourly_cost: 0.5\nrun: x", 3, 20, "the cheapest is $", null));
  }

  private static Arguments c(String code, String yaml, int line, int col, String words, String fix) {
    return Arguments.of(code, yaml, line, col, words, fix);
  }

  @ParameterizedTest(name = "{0}: {4}")
  @MethodSource("cases")
  void ruleFires(String code, String yaml, int line, int col, String words, String fix) {
    LoadResult r = TaskLoader.load(yaml, "t.yaml", Catalog.get());
    List<Diagnostic> hits = r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    assertThat(hits).as("diagnostics %s", r.diagnostics()).isNotEmpty();
    Diagnostic d = hits.stream().filter(x -> x.message().contains(words)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + words + "' in " + hits));
    assertThat(d.range().startLine()).as("line of %s", d).isEqualTo(line);
    assertThat(d.range().startColumn()).as("column of %s", d).isEqualTo(col);
    if (fix != null) {
      assertThat(d.suggestions()).as("suggestions of %s", d).isNotEmpty();
      assertThat(d.suggestions().get(0).replacement()).isEqualTo(fix);
    }
    if (d.isError()) {
      assertThat(r.tasks()).isEmpty();
    }
  }
}
